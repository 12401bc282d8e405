/**
 * What the sync server tells the map's history about, and what it lets the
 * history do to a live board. Implemented in services/history/ (automatic
 * versions, restore); the sync server only knows these interfaces.
 */
import type { EditAuthor } from '@journeyboard/shared';
import type * as Y from 'yjs';

/** A live board, held open for the duration of `SyncServer.withBoard`. */
export interface LiveBoard {
  /** The whole board as it is now (Yjs state of the garbage-collected document). */
  state(): Uint8Array;
  /**
   * Runs `fn` as ONE transaction on the live document, stored with `author`
   * and relayed to everyone connected like any edit (with REDIS_URL: through
   * the stream to every instance).
   */
  change(author: EditAuthor, fn: (doc: Y.Doc, origin: unknown) => void): void;
  /**
   * Applies a change worked out elsewhere (a Yjs update, e.g. from the board
   * worker: BoardWork.rewrite) the same way: one transaction, stored with
   * `author`, relayed to everyone — and in the activity feed a step of its
   * own (AuthoredOrigin's `standalone`).
   */
  apply(author: EditAuthor, update: Uint8Array): void;
  /**
   * Resolves once the changes made so far are stored (one server: written to
   * Postgres; with REDIS_URL they are in the map's stream, stored by its
   * persister).
   */
  stored(): Promise<void>;
  /** A version of the current state was just saved: leaving now needs no automatic one. */
  markVersioned(): void;
}

/** Automatic versions (services/history/auto-versions.ts). Both may throw; the caller logs. */
export interface HistoryHooks {
  /**
   * When the map's next hourly version is due (ms epoch). Asked as the map
   * loads, beside its board: a map's first change then needs no query (it
   * would run while that change reaches everyone).
   */
  nextVersionDue(mapId: string): Promise<number>;
  /**
   * The map changed and the time `nextVersionDue` gave has passed: take an
   * hourly version if the last one (on any instance) is an hour old.
   * Resolves to when to ask again (ms epoch).
   */
  busy(mapId: string, state: () => Uint8Array): Promise<number>;
  /** The last person left a map that changed since its last version. */
  lastLeft(mapId: string, state: Uint8Array): Promise<void>;
}
