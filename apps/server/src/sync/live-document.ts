/**
 * One map's board while anyone has it open: the Y.Doc, its awareness, the
 * connections editing it and the writer that logs its changes.
 *
 * Message handling, per connection (after read-only filtering):
 *   sync step 1  → answer with sync step 2 (what the client lacks)
 *   step 2/update → apply with the connection as origin; the doc's 'update'
 *                  event then relays it to every OTHER connection and buffers
 *                  it for Postgres — only changes new to the server, so a
 *                  reconnecting client's step 2 doesn't re-log what we have
 *   awareness    → filter through the awareness rules, apply, relay
 *   query awareness → send every current awareness state
 */
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  applyAwarenessRules,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  type AwarenessRule,
  type AwarenessRuleContext,
} from './awareness-rules.ts';
import type { Connection } from './connection.ts';
import type { SyncLogger } from './logger.ts';
import type { StoredBoard } from './persistence.ts';
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type InboundMessage,
} from './protocol.ts';
import { permits } from './read-only.ts';
import type { UpdateWriter } from './update-writer.ts';

/** Origin of the transaction that loads stored state: neither relayed nor logged again. */
const LOAD_ORIGIN = Symbol('journeyboard/sync-load');

export interface LiveDocumentOptions {
  readonly mapId: string;
  readonly stored: StoredBoard;
  readonly createWriter: (loggedRows: number) => UpdateWriter;
  readonly awarenessRules: readonly AwarenessRule[];
  readonly log: SyncLogger;
}

export class LiveDocument {
  readonly mapId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly connections = new Set<Connection>();
  readonly writer: UpdateWriter;
  private readonly awarenessRules: readonly AwarenessRule[];
  private readonly log: SyncLogger;
  /** Which connection bound which awareness client id (see awareness-rules.ts). */
  private readonly awarenessOwners = new Map<number, Connection>();

  constructor(options: LiveDocumentOptions) {
    this.mapId = options.mapId;
    this.awarenessRules = options.awarenessRules;
    this.log = options.log;
    this.doc = new Y.Doc();
    if (options.stored.updates.length > 0) {
      Y.applyUpdate(this.doc, Y.mergeUpdates(options.stored.updates), LOAD_ORIGIN);
    }
    this.writer = options.createWriter(options.stored.loggedRows);
    this.awareness = new Awareness(this.doc);
    // The server itself has no presence.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
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
    connection.start((frame) => this.receive(connection, decodeMessage(frame)));
  }

  /** Removes a closed connection and the presence it owned (others see it leave). */
  detach(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const clientId = connection.awarenessClientId;
    if (clientId !== null && this.awarenessOwners.get(clientId) === connection) {
      this.awarenessOwners.delete(clientId);
      removeAwarenessStates(this.awareness, [clientId], 'connection closed');
    }
  }

  closeAll(code: number, reason: string): void {
    for (const connection of [...this.connections]) connection.close(code, reason);
  }

  destroy(): void {
    this.writer.stop();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.doc.destroy(); // also destroys the awareness (and its timeout timer)
    this.connections.clear();
    this.awarenessOwners.clear();
  }

  private receive(connection: Connection, message: InboundMessage): void {
    if (!permits(connection.access, message)) {
      this.log.debug(
        { connection: connection.id, mapId: this.mapId, kind: message.kind },
        'dropped a write from a read-only connection',
      );
      return;
    }
    switch (message.kind) {
      case 'sync-step-1':
        connection.send(encodeSyncStep2(this.doc, message.stateVector));
        return;
      case 'sync-step-2':
      case 'update':
        Y.applyUpdate(this.doc, message.update, connection);
        return;
      case 'awareness':
        this.receiveAwareness(connection, message.update);
        return;
      case 'query-awareness': {
        const clientIds = [...this.awareness.getStates().keys()];
        connection.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, clientIds)));
        return;
      }
    }
  }

  private receiveAwareness(connection: Connection, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update);
    const kept = applyAwarenessRules(this.awarenessRules, entries, this.ruleContext(connection));
    if (kept.length === 0) return;
    applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(kept), connection);
  }

  private ruleContext(connection: Connection): AwarenessRuleContext {
    const owners = this.awarenessOwners;
    return {
      access: connection.access,
      get boundClientId() {
        return connection.awarenessClientId;
      },
      bind(clientId) {
        connection.awarenessClientId = clientId;
        owners.set(clientId, connection);
      },
      isBoundElsewhere(clientId) {
        const owner = owners.get(clientId);
        return owner !== undefined && owner !== connection;
      },
    };
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    this.writer.push(update);
    const message = encodeUpdate(update);
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(message);
    }
  };

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const message = encodeAwareness(encodeAwarenessUpdate(this.awareness, changed));
    // The sender already has its own state. (Once rules rewrite states —
    // identity stamping — send it to the sender as well.)
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(message);
    }
  };
}
