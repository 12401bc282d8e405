/**
 * The sync server: accepts sockets, resolves access, hands connections to the
 * document registry, and shuts everything down in order. `SyncServer` is the
 * small facade the rest of the app (and tests) see as `app.sync`.
 */
import type { PrismaClient } from '@journeyboard/db';
import { encodeCapabilitiesMessage, type TWorkspaceRole } from '@journeyboard/shared';
import type { AuthConfig, SyncConfig } from '../config/config.ts';
import { grantKey, revokedReasonOf, type ResolveAccess } from './access.ts';
import type { AwarenessRule } from './awareness-rules.ts';
import { CloseCode, CloseReason } from '@journeyboard/shared';
import { Connection, type ConnectionOptions, type ConnectionSocket } from './connection.ts';
import { DocumentRegistry } from './document-registry.ts';
import { lapsedGrants } from './lapsed-grants.ts';
import { OpenConnections } from './open-connections.ts';
import { SharedAccesses } from './shared-accesses.ts';
import type { HistoryHooks, LiveBoard } from './history-hooks.ts';
import type { ActivitySink } from './activity-recorder.ts';
import type { SyncLogger } from './logger.ts';
import { inlineBoardWork, type BoardWork } from './board-work.ts';
import type { BoardPersistence } from './persistence.ts';
import {
  DEFAULT_PRESENCE_LIMITS,
  REFUSAL_CLOSE,
  RefusalCounter,
  type PresenceLimits,
  type ClosingRefusalKind,
} from './presence-limits.ts';
import type { RedisRelay } from './redis-relay.ts';
import type * as Y from 'yjs';
import type { BoardLockSet } from '@journeyboard/shared/board';
import { BoardReader } from './board-reader.ts';
import { loadMapSocketRules } from './map-socket-rules.ts';
import type { SyncMetrics } from './sync-metrics.ts';
import type { UpgradeRequest } from './sync-upgrades.ts';

export interface SyncServer {
  /**
   * Closes every socket on the map with 4410 (`reason`, default "map deleted")
   * and forgets its document without writing. Call it after deleting a map.
   */
  closeDocument(mapId: string, reason?: string): void;
  /** Writes every buffered update to Postgres now. */
  flushAll(): Promise<void>;
  /** Documents in memory. */
  readonly documentCount: number;
  /** Whether this map's document is in memory. */
  isLoaded(mapId: string): boolean;
  /** Open sync sockets (including ones still waiting for their document). */
  readonly connectionCount: number;
  /** Scale-out: whether this instance reaches Redis now; null without REDIS_URL. */
  readonly redisStatus: 'up' | 'down' | null;
  /**
   * Reads the board (through the shared board model's queries): the live
   * document when the map is loaded here, else a copy loaded from Postgres
   * (kept a few seconds; `fresh` loads anew). Null: no such map.
   */
  readBoard<T>(
    mapId: string,
    read: (doc: Y.Doc) => T,
    options?: { fresh?: boolean },
  ): Promise<T | null>;
  /**
   * Open sync sockets by the role they hold on their map (owner, editor,
   * commenter, viewer); `pending` while access is still being resolved.
   */
  connectionsByRole(): Map<string, number>;
  /**
   * Closes every connection whose access rests on `grant` (see `grantKey` in
   * access.ts) — on this instance and, with REDIS_URL, on every other one:
   * 4403 "access revoked" (the client stops), or with `reconnect` 4000
   * "access changed" (it reconnects and is authorised afresh, e.g. after a
   * role change). Returns how many closed here. `writingEnds`: the access
   * they come back with can no longer write the board (a member made viewer
   * or commenter), so the empty new card each was writing is taken back, as
   * when access ends (unfinished-card.ts).
   */
  revoke(grant: string, options?: { reconnect?: boolean; writingEnds?: boolean }): number;
  /**
   * Tells `listener` of every grant revoked here or, with REDIS_URL, on any
   * instance (what `revoke` closes sockets for): the map event streams that
   * rest on it end at once (routes/map-events-route.ts). Returns a function
   * that stops listening.
   */
  onRevoke(listener: (grant: string) => void): () => void;
  /**
   * The map's facilitator locks, silent brainstorm or secret round (a vote,
   * "Everyone rates") changed in Postgres: enforce them on the sync socket
   * here and (REDIS_URL) on every other instance (map-socket-rules.ts).
   * Resolves once they are in force here.
   */
  refreshMapRules(mapId: string): Promise<void>;
  /** The locks the sync socket enforces on this map here now; null when it isn't loaded here. */
  locksInForce(mapId: string): BoardLockSet | null;
  /**
   * Connections closed for breaking a limit (presence-limits.ts), by kind,
   * since start; `onRefusal` tells a listener (metrics) about each one.
   */
  readonly refusals: Pick<RefusalCounter, 'snapshot' | 'onRefusal'>;
  /**
   * Runs `fn` with the map's live board (loaded for the call if nobody has
   * it open): read its state, or change it as one attributed transaction
   * everyone connected receives. Resolves to null when the map doesn't exist.
   */
  withBoard<T>(mapId: string, fn: (board: LiveBoard) => T | Promise<T>): Promise<T | null>;
  /** Whole-board CPU work off the event loop (board-worker-pool.ts): a version's summary, comparing two boards. */
  readonly boardWork: BoardWork;
}

export interface SyncServiceOptions {
  readonly prisma: PrismaClient;
  readonly persistence: BoardPersistence;
  readonly config: SyncConfig;
  /** For the Origin check (access.ts). */
  readonly auth: AuthConfig;
  readonly resolveAccess: ResolveAccess;
  readonly awarenessRules: readonly AwarenessRule[];
  readonly maxBufferedBytes: number;
  readonly log: SyncLogger;
  /** Scale-out over Redis (REDIS_URL); null: a single server process. */
  readonly relay: RedisRelay | null;
  /** Automatic versions; null: none. */
  readonly history?: HistoryHooks | null;
  /** The activity feed's storage; null: not recorded. */
  readonly activity?: ActivitySink | null;
  readonly metrics: SyncMetrics;
  /** Where whole-board CPU work runs; default: inline (a server passes its board worker). */
  readonly boardWork?: BoardWork;
}

export class SyncService implements SyncServer {
  private readonly options: SyncServiceOptions;
  private readonly registry: DocumentRegistry;
  private readonly connections: OpenConnections<Connection>;
  private readonly accesses = new SharedAccesses();
  private readonly revokeListeners = new Set<(grant: string) => void>();
  private closing = false;
  readonly refusals = new RefusalCounter();
  private readonly presenceLimits: PresenceLimits;
  private readonly boards: BoardReader;
  private readonly connectionOptions: ConnectionOptions;
  readonly boardWork: BoardWork;

  constructor(options: SyncServiceOptions) {
    this.options = options;
    this.boardWork = options.boardWork ?? inlineBoardWork;
    this.connections = new OpenConnections(options.config.pingIntervalMs);
    this.connectionOptions = {
      maxBufferedBytes: options.maxBufferedBytes,
      // A client sends a handful of frames before it hears back; these caps
      // only stop a client from flooding us while the board loads.
      maxQueuedMessages: 1_000,
      maxQueuedBytes: Math.max(options.config.maxMessageBytes * 2, 8 * 1024 * 1024),
      // Two intervals: a liveness check always comes between now and then.
      expiryHorizonMs: 2 * options.config.pingIntervalMs,
      log: options.log,
      onClosed: (connection) => this.connections.delete(connection),
    };
    this.presenceLimits = { ...DEFAULT_PRESENCE_LIMITS, ...options.config.presence };
    this.registry = new DocumentRegistry({
      persistence: options.persistence,
      config: options.config,
      awarenessRules: options.awarenessRules,
      presenceLimits: this.presenceLimits,
      refusals: this.refusals,
      log: options.log,
      relay: options.relay,
      history: options.history ?? null,
      activity: options.activity ?? null,
      loadRules: (mapId) => loadMapSocketRules(options.prisma, mapId),
      metrics: options.metrics,
    });
    this.boards = new BoardReader({
      liveDoc: (mapId) => this.registry.liveDoc(mapId),
      load: (mapId) => options.persistence.load(mapId),
    });
    options.relay?.onControl((message) => {
      if (message.type === 'revoke') {
        this.revokeHere(message.grant, message.reconnect, message.writingEnds ?? false);
      }
      // 'locks' on the wire: the message's name from before secret rounds joined the locks.
      else if (message.type === 'locks') void this.refreshRulesHere(message.mapId);
      else this.registry.closeDocument(message.mapId, message.reason);
    });
    // Rule changes and revocations announced while this instance couldn't hear them.
    options.relay?.onControlGap(() => {
      for (const mapId of this.registry.loadedMapIds()) void this.refreshRulesHere(mapId);
      void this.closeLapsedSockets();
    });
  }

  get documentCount(): number {
    return this.registry.documentCount;
  }

  isLoaded(mapId: string): boolean {
    return this.registry.isLoaded(mapId.toLowerCase());
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  get redisStatus(): 'up' | 'down' | null {
    return this.options.relay?.status ?? null;
  }

  readBoard<T>(
    mapId: string,
    read: (doc: Y.Doc) => T,
    options: { fresh?: boolean } = {},
  ): Promise<T | null> {
    return this.boards.read(mapId.toLowerCase(), read, options);
  }

  connectionsByRole(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const connection of this.connections) {
      const role = connection.access.identity?.role ?? 'pending';
      counts.set(role, (counts.get(role) ?? 0) + 1);
    }
    return counts;
  }

  closeDocument(mapId: string, reason: string = CloseReason.mapDeleted): void {
    const id = mapId.toLowerCase();
    this.registry.closeDocument(id, reason);
    this.options.relay?.publishControl({ type: 'close-document', mapId: id, reason });
    // Called after the map was deleted: its stream and records go too.
    if (reason === CloseReason.mapDeleted) void this.options.relay?.removeMap(id);
  }

  flushAll(): Promise<void> {
    return this.registry.flushAll();
  }

  withBoard<T>(mapId: string, fn: (board: LiveBoard) => T | Promise<T>): Promise<T | null> {
    return this.registry.withBoard(mapId.toLowerCase(), fn);
  }

  async refreshMapRules(mapId: string): Promise<void> {
    const id = mapId.toLowerCase();
    this.options.relay?.publishControl({ type: 'locks', mapId: id });
    await this.refreshRulesHere(id);
  }

  locksInForce(mapId: string): BoardLockSet | null {
    return this.registry.locksOf(mapId.toLowerCase());
  }

  private async refreshRulesHere(mapId: string): Promise<void> {
    try {
      await this.registry.refreshRules(mapId);
    } catch (error) {
      // The old rules stay in force; the next load of the map reads them again.
      this.options.log.error({ err: error, mapId }, 'reading the map locks failed');
    }
  }

  revoke(grant: string, options: { reconnect?: boolean; writingEnds?: boolean } = {}): number {
    const reconnect = options.reconnect ?? false;
    const writingEnds = options.writingEnds ?? false;
    this.options.relay?.publishControl({ type: 'revoke', grant, reconnect, writingEnds });
    return this.revokeHere(grant, reconnect, writingEnds);
  }

  /**
   * Whether the read-only share link these grants rest on already has its
   * maximum of open connections here. Checked and followed by setting
   * `connection.access` in the same turn, so concurrent joins can't overshoot.
   */
  private shareLinkIsFull(grants: readonly string[] | undefined): boolean {
    const link = grants?.find((grant) => grant.startsWith(grantKey.share('')));
    if (!link) return false;
    let open = 0;
    for (const connection of this.connections) {
      if (connection.access.grants?.includes(link)) open += 1;
    }
    return open >= this.presenceLimits.maxConnectionsPerShareLink;
  }

  private refuse(connection: Connection, kind: ClosingRefusalKind, mapId: string): void {
    this.options.log.info(
      { connection: connection.id, mapId, limit: kind },
      'sync connection refused',
    );
    this.refusals.record(kind);
    const { code, reason } = REFUSAL_CLOSE[kind];
    connection.close(code, reason);
  }

  /** Closes the sockets whose grants were revoked (or whose member role changed) in Postgres. */
  private async closeLapsedSockets(): Promise<void> {
    const held = new Map<string, TWorkspaceRole | null>();
    for (const { access } of this.connections) {
      const memberRole = access.identity?.kind === 'member' ? access.identity.role : null;
      for (const grant of access.grants ?? []) held.set(grant, memberRole);
    }
    if (held.size === 0) return;
    try {
      const lapsed = await lapsedGrants(this.options.prisma, held);
      let closed = 0;
      for (const [grant, lapse] of lapsed) closed += this.revokeHere(grant, lapse === 'changed');
      if (closed > 0)
        this.options.log.info({ closed }, 'closed sockets revoked during a redis gap');
    } catch (error) {
      this.options.log.error({ err: error }, 'checking open sockets after a redis gap failed');
    }
  }

  onRevoke(listener: (grant: string) => void): () => void {
    this.revokeListeners.add(listener);
    return () => this.revokeListeners.delete(listener);
  }

  /** Closes this instance's sockets that hold `grant`, and tells the revoke listeners. */
  private revokeHere(grant: string, reconnect: boolean, writingEnds = false): number {
    for (const listener of this.revokeListeners) listener(grant);
    const [code, reason] = reconnect
      ? [CloseCode.accessChanged, CloseReason.accessChanged]
      : [CloseCode.accessRevoked, revokedReasonOf(grant)];
    let closed = 0;
    for (const connection of [...this.connections]) {
      if (connection.access.grants?.includes(grant)) {
        // Other credentials may still grant access: reconnect and re-authorise.
        if (connection.access.reconnectOnRevoke) {
          connection.close(CloseCode.accessChanged, CloseReason.accessChanged);
        } else {
          // Only when this grant was all they had: another credential may still write.
          if (writingEnds) connection.writingEnded = true;
          connection.close(code, reason);
        }
        closed += 1;
      }
    }
    return closed;
  }

  /**
   * Called synchronously with the upgraded socket. Everything that must not
   * miss a frame happens before the first await (see connection.ts).
   */
  handleSocket(socket: ConnectionSocket, request: UpgradeRequest, mapId: string): void {
    const connection = new Connection(socket, this.connectionOptions);
    if (this.closing) {
      connection.close(CloseCode.goingAway, CloseReason.goingAway);
      return;
    }
    this.connections.add(connection);
    // Map ids are UUIDs, which Postgres compares case-insensitively; one
    // spelling per map keeps one document per map.
    void this.accept(connection, mapId.toLowerCase(), request);
  }

  /**
   * Shutdown: refuse new sockets, close every open one (1001, the client
   * reconnects to the next server), then write and compact every document.
   */
  async shutdown(timeoutMs: number): Promise<void> {
    this.closing = true;
    this.connections.stopChecking();
    this.registry.beginShutdown();
    for (const connection of [...this.connections]) {
      connection.close(CloseCode.goingAway, CloseReason.goingAway);
    }
    // Stream entries first, so the documents' final compaction folds them too.
    await this.options.relay?.close();
    await this.registry.shutdown(Date.now() + timeoutMs);
  }

  private async accept(
    connection: Connection,
    mapId: string,
    request: UpgradeRequest,
  ): Promise<void> {
    const { prisma, resolveAccess, auth, log } = this.options;
    try {
      const decision = await resolveAccess({ mapId, request, prisma, auth });
      if (!decision.allow) {
        connection.close(decision.code, decision.reason);
        return;
      }
      if (!connection.isOpen) return;
      if (this.shareLinkIsFull(decision.access.grants)) {
        this.refuse(connection, 'share-link-full', mapId);
        return;
      }
      connection.access = this.accesses.share(decision.access);
      // First, before any board content: the client offers only what it may do.
      connection.send(
        encodeCapabilitiesMessage(decision.access.capabilities, {
          ...(decision.access.identity ? { color: decision.access.identity.color } : {}),
        }),
      );
      connection.armExpiryWhenNear();
      await this.registry.join(mapId, connection);
    } catch (error) {
      log.error({ err: error, mapId }, 'accepting a sync connection failed');
      connection.close(CloseCode.internalError, CloseReason.internalError);
    }
  }
}
