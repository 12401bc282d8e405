/**
 * One map's board while anyone has it open: the Y.Doc, its awareness, the
 * connections editing it and the writer that logs its changes.
 *
 * Message handling, per connection (after read-only filtering):
 *   sync step 1  → answer with sync step 2 (what the client lacks)
 *   step 2/update → apply with the connection as origin; the doc's 'update'
 *                  event then buffers it for Postgres and queues it for every
 *                  OTHER connection (update-outbox.ts coalesces what arrives
 *                  in one event-loop turn) — only changes new to the server,
 *                  so a reconnecting client's step 2 doesn't re-log what we have
 *   awareness    → filter through the awareness rules, apply, relay
 *   query awareness → send every current awareness state
 */
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import { encodeWritesRefusedMessage } from '@journeyboard/shared';
import { BoardLockSet } from '@journeyboard/shared/board';
import * as Y from 'yjs';
import { ActivityRecorder, type ActivitySink } from './activity-recorder.ts';
import { authorOf, stamp, type StampedUpdate } from './attribution.ts';
import {
  applyAwarenessRules,
  AwarenessBindings,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  ownerKey,
  type AwarenessRule,
  type AwarenessRuleContext,
} from './awareness-rules.ts';
import type { Connection, FrameReceiver } from './connection.ts';
import type { SyncLogger } from './logger.ts';
import type { StoredBoard } from './persistence.ts';
import {
  DEFAULT_PRESENCE_LIMITS,
  REFUSAL_CLOSE,
  SyncRefusal,
  RateLimit,
  type PresenceLimits,
  type RefusalCounter,
} from './presence-limits.ts';
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
  type InboundMessage,
} from './protocol.ts';
import { applyUnderLocks } from './lock-guard.ts';
import { permits } from './read-only.ts';
import { wouldChangeBoard } from './refused-writes.ts';
import type { DocumentRelay, RelayTarget } from './redis-relay.ts';
import { discardUnfinishedCard } from './unfinished-card.ts';
import { UpdateOutbox } from './update-outbox.ts';
import type { UpdateWriter } from './update-writer.ts';
import type { SyncMetrics } from './sync-metrics.ts';
import type { MapSocketRules } from './map-socket-rules.ts';

/** Origin of the transaction that loads stored state: neither relayed nor logged again. */
const LOAD_ORIGIN = Symbol('journeyboard/sync-load');
/** Presence changes within this window go out as one message (onAwarenessUpdate). */
const AWARENESS_BATCH_MS = 50;
/** Origin of changes from another server instance (redis-relay.ts): relayed, never stored here. */
const REMOTE_ORIGIN = Symbol('journeyboard/sync-remote');

export interface LiveDocumentOptions {
  readonly mapId: string;
  readonly stored: StoredBoard;
  readonly createWriter: (loggedRows: number) => UpdateWriter;
  readonly awarenessRules: readonly AwarenessRule[];
  readonly log: SyncLogger;
  /** Default: DEFAULT_PRESENCE_LIMITS. */
  readonly presenceLimits?: PresenceLimits;
  /** Where refused connections are counted (SyncServer.refusals). */
  readonly refusals?: RefusalCounter;
  /** Where the activity feed goes (activity-recorder.ts); null: not recorded. */
  readonly activity?: { readonly sink: ActivitySink; readonly flushIntervalMs: number } | null;
  readonly metrics: SyncMetrics;
}

export class LiveDocument implements RelayTarget, FrameReceiver {
  readonly mapId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly connections = new Set<Connection>();
  readonly writer: UpdateWriter;
  /** The activity feed of changes made through this instance; null when not recorded. */
  readonly activity: ActivityRecorder | null;
  private readonly awarenessRules: readonly AwarenessRule[];
  private readonly log: SyncLogger;
  private readonly presenceLimits: PresenceLimits;
  private readonly refusals: RefusalCounter | null;
  /** Who spoke for which awareness client id, and which connection holds it (awareness-rules.ts). */
  private readonly bindings = new AwarenessBindings<Connection>((connection) =>
    ownerKey(connection.access),
  );
  /** The allowance of presence updates, and when each connection's next one is due (presence-limits.ts). */
  private readonly presenceRate: RateLimit;
  private readonly presenceDue = new WeakMap<Connection, number>();
  /** Read-only connections already told their changes were not saved (dropReadOnlyWrite). */
  private readonly toldWritesRefused = new WeakSet<Connection>();
  private readonly metrics: SyncMetrics;
  /**
   * Scale-out only: where this instance's changes go instead of the writer
   * (set by the registry after the relay caught up; null on a single server).
   */
  relay: DocumentRelay | null = null;
  /**
   * The map's facilitator locks, enforced on every update from a connection
   * without `workshop.facilitate` (lock-guard.ts). Set by the registry when
   * the document loads and whenever they change (SyncServer.refreshMapRules).
   */
  locks: BoardLockSet = BoardLockSet.EMPTY;
  /**
   * Until when a vote or "Everyone rates" round keeps pointers secret (ms
   * since the epoch; Infinity: until it ends; null: none runs), for the
   * awareness rules. Set with the locks.
   */
  private secretRoundUntil: number | null = null;
  private destroyed = false;
  /**
   * Changed by someone on this instance since it was loaded or a version was
   * saved (history-hooks.ts): leaving then takes an automatic version.
   */
  changedSinceVersion = false;
  /**
   * Set by the registry: called on every change made through this instance,
   * after the change was queued for relay. Anything slow it starts belongs in
   * a later turn (setImmediate runs after the outbox's flush), so people
   * don't wait for it to see the change.
   */
  onLocalChange: (() => void) | null = null;
  /** Set by the registry: called after a connection left (the document may now be idle). */
  onConnectionLeft: (() => void) | null = null;
  /** Cached answer to an empty state vector; dropped on every change (see syncStep2For). */
  private wholeBoardStep2: Uint8Array | null = null;
  /** Changes not yet relayed to the connections (see update-outbox.ts). */
  private readonly outbox = new UpdateOutbox((messageFor) => {
    let sent = 0;
    for (const connection of this.connections) {
      const message = messageFor(connection);
      if (message) {
        connection.send(message);
        sent += 1;
      }
    }
    this.metrics.updatesSent(sent);
  });
  /** Awareness client ids changed since the last batch went out (see onAwarenessUpdate). */
  private readonly pendingAwareness = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | null = null;

  constructor(options: LiveDocumentOptions) {
    this.mapId = options.mapId;
    this.awarenessRules = options.awarenessRules;
    this.log = options.log;
    this.presenceLimits = options.presenceLimits ?? DEFAULT_PRESENCE_LIMITS;
    this.presenceRate = new RateLimit(
      this.presenceLimits.updatesPerSecond,
      this.presenceLimits.updateBurst,
    );
    this.refusals = options.refusals ?? null;
    this.metrics = options.metrics;
    this.doc = new Y.Doc();
    if (options.stored.updates.length > 0) {
      Y.applyUpdate(this.doc, Y.mergeUpdates(options.stored.updates), LOAD_ORIGIN);
    }
    this.writer = options.createWriter(options.stored.loggedRows);
    this.activity = options.activity
      ? new ActivityRecorder({
          mapId: this.mapId,
          doc: this.doc,
          sink: options.activity.sink,
          flushIntervalMs: options.activity.flushIntervalMs,
          log: this.log,
          records: (origin) => origin !== LOAD_ORIGIN && origin !== REMOTE_ORIGIN,
        })
      : null;
    this.awareness = new Awareness(this.doc);
    // The server itself has no presence.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** The map's rules as read from Postgres: in force from the next frame. */
  applyRules(rules: MapSocketRules): void {
    this.locks = rules.locks;
    this.secretRoundUntil = rules.secretRoundUntil;
  }

  /** Adds a connection whose access is resolved; starts handling its (queued) frames. */
  attach(connection: Connection): void {
    this.connections.add(connection);
    // Our sync step 1 makes the client send what the server lacks (offline edits).
    connection.send(encodeSyncStep1(this.doc));
    const clientIds = [...this.awareness.getStates().keys()];
    if (clientIds.length > 0) {
      connection.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, clientIds)));
    }
    connection.start(this);
  }

  receiveFrame(connection: Connection, frame: Uint8Array): void {
    this.receive(connection, decodeMessage(frame));
  }

  /** FrameReceiver: a connection that joined has closed. */
  connectionClosed(connection: Connection): void {
    if (connection.accessEnded || connection.writingEnded) {
      discardUnfinishedCard(this.doc, this.awareness, connection.awarenessClientId, connection);
    }
    this.detach(connection);
    this.onConnectionLeft?.();
  }

  /** Removes a closed connection and the presence it owned (others see it leave). */
  detach(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const clientId = connection.awarenessClientId;
    if (clientId !== null && this.bindings.release(clientId, connection)) {
      removeAwarenessStates(this.awareness, [clientId], 'connection closed');
    }
  }

  closeAll(code: number, reason: string): void {
    for (const connection of [...this.connections]) connection.close(code, reason);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.outbox.discard();
    this.writer.stop();
    this.activity?.stop();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.doc.destroy(); // also destroys the awareness (and its timeout timer)
    this.connections.clear();
    this.bindings.clear();
  }

  private receive(connection: Connection, message: InboundMessage): void {
    if (!permits(connection.access, message)) {
      this.dropReadOnlyWrite(connection, message);
      return;
    }
    switch (message.kind) {
      case 'sync-step-1':
        connection.send(this.syncStep2For(message.stateVector));
        return;
      case 'sync-step-2':
      case 'update':
        this.applyClientUpdate(connection, message.update);
        return;
      case 'awareness':
        try {
          this.receiveAwareness(connection, message.update);
        } catch (error) {
          if (!(error instanceof SyncRefusal)) throw error;
          this.refuse(connection, error);
        }
        return;
      case 'query-awareness': {
        const clientIds = [...this.awareness.getStates().keys()];
        connection.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, clientIds)));
        return;
      }
    }
  }

  /**
   * Drops a write from a connection without `board.edit` (read-only.ts). One
   * that would have changed the board is the sender's offline work (made an
   * editor no more while away): it is told, once per connection, so its
   * board says so and shows the server's board instead of keeping the
   * changes as if saved (refused-writes.ts).
   */
  private dropReadOnlyWrite(connection: Connection, message: InboundMessage): void {
    const told = this.toldWritesRefused.has(connection);
    if (told || !('update' in message) || !wouldChangeBoard(this.doc, message.update)) {
      this.log.debug(
        { connection: connection.id, mapId: this.mapId, kind: message.kind },
        'dropped a write from a read-only connection',
      );
      return;
    }
    this.toldWritesRefused.add(connection);
    connection.send(encodeWritesRefusedMessage());
    this.refusals?.record('read-only-write');
    this.log.info(
      { connection: connection.id, mapId: this.mapId, kind: message.kind },
      'dropped changes from a read-only connection and told it',
    );
  }

  /**
   * Decoding already rejected what doesn't parse; an update that parses but
   * still makes Yjs throw while integrating is the sender's fault too (1007,
   * not 1011). Whatever Yjs integrated before throwing was relayed and logged
   * through the 'update' event like any change, so everyone stays in step.
   */
  private applyClientUpdate(connection: Connection, update: Uint8Array): void {
    let result;
    try {
      result = applyUnderLocks(this.doc, update, connection.access, this.locks, connection);
    } catch (error) {
      // Right after the sender is closed with 1007 (by the throw below).
      if (isWedged(this.doc)) queueMicrotask(() => this.onBroken?.());
      throw new ProtocolError('Yjs update could not be applied', { cause: error });
    }
    if (!result.compensation) return;
    // Everyone else got the update with the corrections inside (one
    // transaction); the sender lacks only the corrections.
    connection.send(encodeUpdate(result.compensation));
    if (result.refused.length > 0) {
      this.refusals?.record('locked-item');
      this.log.info(
        {
          connection: connection.id,
          mapId: this.mapId,
          refused: result.refused.map((change) => change.kind),
        },
        'undid changes to locked items from a sync connection',
      );
    }
    if (result.bounded > 0) {
      this.refusals?.record('over-bounds');
      this.log.info(
        { connection: connection.id, mapId: this.mapId, values: result.bounded },
        'cut text past the board’s bounds from a sync connection',
      );
    }
  }

  /**
   * Set by the registry: the Y.Doc can no longer finish a transaction (see
   * isWedged); reload the board from Postgres and reconnect everyone.
   */
  onBroken: (() => void) | null = null;

  private receiveAwareness(connection: Connection, update: Uint8Array): void {
    // Once a connection has bound its client id, no other id can pass the
    // rules (bindFirstClientId): don't even parse those states.
    const bound = connection.awarenessClientId;
    const entries = decodeAwarenessUpdate(
      update,
      bound === null ? undefined : (clientId) => clientId === bound,
      this.presenceLimits.maxStateBytes,
    );
    const kept = applyAwarenessRules(this.awarenessRules, entries, this.ruleContext(connection));
    if (kept.length === 0) return;
    // Only changes cost: the stock client echoes states back, its own included.
    const changes = kept.some(
      (entry) => entry.clock > (this.awareness.meta.get(entry.clientId)?.clock ?? -1),
    );
    if (changes) this.takePresenceAllowance(connection);
    applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(kept), connection);
  }

  private takePresenceAllowance(connection: Connection): void {
    const due = this.presenceRate.take(this.presenceDue.get(connection));
    if (due === null) throw new SyncRefusal('presence-too-fast');
    this.presenceDue.set(connection, due);
  }

  /** Closes a connection that broke a presence limit, with a reason naming the limit. */
  private refuse(connection: Connection, refusal: SyncRefusal): void {
    this.log.info(
      { connection: connection.id, mapId: this.mapId, limit: refusal.kind },
      'sync connection broke a presence limit; closing',
    );
    this.refusals?.record(refusal.kind);
    const { code, reason } = REFUSAL_CLOSE[refusal.kind];
    connection.close(code, reason);
  }

  private ruleContext(connection: Connection): AwarenessRuleContext {
    const bindings = this.bindings;
    const until = this.secretRoundUntil;
    return {
      access: connection.access,
      secretRound: until !== null && Date.now() < until,
      get boundClientId() {
        return connection.awarenessClientId;
      },
      bind(clientId) {
        connection.awarenessClientId = clientId;
        bindings.bind(clientId, connection);
      },
      claimOf(clientId) {
        return bindings.claimOf(clientId);
      },
    };
  }

  // ── RelayTarget: the other server instances (scale-out) ──

  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
  }

  applyRemoteAwareness(update: Uint8Array): void {
    applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  /**
   * The instance that relayed these states is gone (peer-instances.ts). Our
   * clients see them leave with the next presence batch; someone who has
   * meanwhile reconnected here is kept.
   */
  dropRemoteAwareness(clientIds: readonly number[]): void {
    const states = this.awareness.getStates();
    const ghosts = clientIds.filter(
      (id) => states.has(id) && this.bindings.holderOf(id) === undefined,
    );
    if (ghosts.length > 0) removeAwarenessStates(this.awareness, ghosts, REMOTE_ORIGIN);
  }

  localAwareness(): Uint8Array | null {
    const clientIds = this.bindings.heldIds().filter((id) => this.awareness.getStates().has(id));
    return clientIds.length > 0 ? encodeAwarenessUpdate(this.awareness, clientIds) : null;
  }

  fullState(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  storeDirectly(update: StampedUpdate): void {
    this.writer.push(update);
  }

  async flushDirectWrites(): Promise<void> {
    await this.writer.drain();
  }

  mapGone(): void {
    this.onMapGone?.();
  }

  /** Set by the registry: closes the document when a write finds the map deleted. */
  onMapGone: (() => void) | null = null;

  /**
   * Everyone who opens the map in a fresh tab asks for the whole board (an
   * empty state vector): when a workshop of 100 joins at once, encoding it
   * once instead of 100 times is most of the server's share of the join.
   */
  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return encodeSyncStep2(this.doc, stateVector);
    return (this.wholeBoardStep2 ??= encodeSyncStep2(this.doc, stateVector));
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.wholeBoardStep2 = null;
    if (origin === LOAD_ORIGIN) return;
    // Queued for everyone first: what follows must not delay its relay (see onLocalChange).
    this.outbox.add(update, origin);
    // Stored exactly once: by the writer here, or (scale-out) through the
    // relay's stream by whichever instance persists it — never for changes
    // that came from another instance.
    if (origin !== REMOTE_ORIGIN) {
      this.metrics.updateReceived();
      // Who made it comes from the origin (the connection), never from the update.
      const stamped = stamp(update, authorOf(origin));
      if (this.relay) this.relay.publishUpdate(stamped);
      else this.writer.push(stamped);
      this.changedSinceVersion = true;
      this.onLocalChange?.();
    }
  };

  /**
   * Presence is relayed in batches: every change within AWARENESS_BATCH_MS
   * goes out as ONE awareness message with the latest state of each client
   * that changed. With N people moving cursors, each client then receives at
   * most 1000 / AWARENESS_BATCH_MS frames a second instead of N × their rate
   * (the states inside still grow with N; see docs/benchmarks.md).
   */
  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (origin !== REMOTE_ORIGIN) {
      this.relay?.publishAwareness(encodeAwarenessUpdate(this.awareness, changed));
    } else {
      // Ids in use on other instances are claimed here too (awareness-rules.ts, mayClaim).
      for (const clientId of [...changes.added, ...changes.updated]) {
        this.bindings.noteRemote(clientId, this.awareness.getStates().get(clientId));
      }
    }
    for (const clientId of changed) this.pendingAwareness.add(clientId);
    this.awarenessTimer ??= setTimeout(this.flushAwareness, AWARENESS_BATCH_MS);
  };

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = null;
    const clientIds = [...this.pendingAwareness];
    this.pendingAwareness.clear();
    if (clientIds.length === 0) return;
    const message = encodeAwareness(encodeAwarenessUpdate(this.awareness, clientIds));
    const only = clientIds.length === 1 ? clientIds[0] : undefined;
    for (const connection of this.connections) {
      // A client already has its own state; echoing it (in a mixed batch) is harmless.
      if (only === undefined || connection.awarenessClientId !== only) connection.send(message);
    }
  };
}

/** A state vector with no clients: varUint 0. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/**
 * A throw inside Yjs's transaction cleanup leaves the failed transaction
 * queued in `_transactionCleanups` for good: every later transaction is then
 * taken for a nested one and never cleaned up, so the document stops emitting
 * updates — nothing is relayed or stored any more. protocol.ts rejects the
 * updates known to do this; this catches whatever else might.
 */
function isWedged(doc: Y.Doc): boolean {
  return doc._transaction === null && doc._transactionCleanups.length > 0;
}
