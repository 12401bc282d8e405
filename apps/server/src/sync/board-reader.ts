import * as Y from 'yjs';
import type { StoredBoard } from './persistence.ts';

/** How long a board loaded from Postgres (not live here) is reused. */
const COPY_TTL_MS = 3_000;

export interface BoardReaderOptions {
  /** The live document, when the map is loaded on this instance. */
  readonly liveDoc: (mapId: string) => Y.Doc | null;
  readonly load: (mapId: string) => Promise<StoredBoard | null>;
  readonly copyTtlMs?: number;
}

interface Copy {
  readonly doc: Y.Doc | null;
  readonly at: number;
}

/**
 * Read access to a board for REST services (voting reads which lane a card
 * sits in and its text): the live Y.Doc when this instance has the map open —
 * always current, also with several instances, since each applies the
 * others' updates — else a copy loaded from Postgres. A burst of requests
 * for a map that is open elsewhere (a workshop voting through another
 * instance) shares one load for a few seconds; the caller asks for a `fresh`
 * one when the copy lacks what it looks for (a card created a moment ago).
 * A copy may lack the last flush interval of edits made on other instances.
 */
export class BoardReader {
  readonly #options: BoardReaderOptions;
  readonly #copies = new Map<string, Promise<Copy>>();

  constructor(options: BoardReaderOptions) {
    this.#options = options;
  }

  async read<T>(
    mapId: string,
    read: (doc: Y.Doc) => T,
    options: { fresh?: boolean } = {},
  ): Promise<T | null> {
    const live = this.#options.liveDoc(mapId);
    if (live) return read(live);
    const ttl = this.#options.copyTtlMs ?? COPY_TTL_MS;
    let pending = this.#copies.get(mapId);
    if (pending && !options.fresh) {
      const copy = await pending;
      if (Date.now() - copy.at <= ttl) return copy.doc ? read(copy.doc) : null;
    }
    pending = this.#loadCopy(mapId);
    this.#copies.set(mapId, pending);
    const copy = await pending;
    return copy.doc ? read(copy.doc) : null;
  }

  async #loadCopy(mapId: string): Promise<Copy> {
    const at = Date.now();
    try {
      const stored = await this.#options.load(mapId);
      if (!stored) return { doc: null, at };
      const doc = new Y.Doc();
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      this.#sweep(at);
      return { doc, at };
    } catch (error) {
      this.#copies.delete(mapId);
      throw error;
    }
  }

  /** Forgets expired copies, so idle maps' documents don't stay in memory. */
  #sweep(now: number): void {
    const ttl = this.#options.copyTtlMs ?? COPY_TTL_MS;
    for (const [mapId, pending] of this.#copies) {
      void pending.then((copy) => {
        if (now - copy.at > ttl && this.#copies.get(mapId) === pending) this.#copies.delete(mapId);
      });
    }
  }
}
