/**
 * Records the activity feed of one live document: after every transaction
 * made through this instance (a client's update, a restore), the typed board
 * is compared with the one before it (diffBoards — unchanged cards keep
 * their object, so this is cheap) and the changes are filed per (author,
 * thing changed). A person's consecutive edits to one thing within
 * FOLD_WINDOW_MS — with nobody else's to it in between — fold into one entry
 * (foldChanges), which is saved again (upserted by id) as it grows.
 *
 * Changes from other instances (REDIS_URL) and the initial load only move
 * the "before" board forward: each change is recorded once, by the instance
 * its author is connected to. Entries are written at most every
 * `flushIntervalMs`; a failed write keeps them for the next one. A server
 * killed outright loses at most that window of activity (never board
 * content: that is the update log's job).
 */
import {
  BoardStore,
  changeStageId,
  diffBoards,
  foldChanges,
  subjectOf,
  type BoardChange,
  type BoardSnapshot,
  type Subject,
} from '@journeyboard/shared/board';
import type { EditAuthor } from '@journeyboard/shared';
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { AuthoredOrigin, authorOf } from './attribution.ts';
import type { SyncLogger } from './logger.ts';
import { isMapGoneError } from './persistence.ts';

export interface ActivityRecord {
  readonly id: string;
  readonly author: EditAuthor;
  readonly subject: Subject;
  stageId: string | null;
  changes: BoardChange[];
  readonly firstAt: Date;
  at: Date;
}

export interface ActivitySink {
  /** Inserts or replaces (by id) each record. */
  save(mapId: string, records: readonly ActivityRecord[]): Promise<void>;
}

/** Edits by one person to one thing this close together fold into one entry. */
export const FOLD_WINDOW_MS = 10 * 60_000;

export interface ActivityRecorderOptions {
  readonly mapId: string;
  readonly doc: Y.Doc;
  readonly sink: ActivitySink;
  /** Transactions with an origin this rejects (load, other instances) are not recorded. */
  readonly records: (origin: unknown) => boolean;
  readonly flushIntervalMs: number;
  readonly log: SyncLogger;
}

const authorKey = (author: EditAuthor) => `${author.kind}:${author.id ?? ''}`;
const subjectKey = (subject: Subject) => `${subject.kind}:${subject.id}`;

export class ActivityRecorder {
  private readonly options: ActivityRecorderOptions;
  private readonly store: BoardStore;
  private before: BoardSnapshot;
  /** Per author: the entries their last transaction touched, by subject (the ones that may fold). */
  private readonly open = new Map<string, Map<string, ActivityRecord>>();
  private readonly dirty = new Map<string, ActivityRecord>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(options: ActivityRecorderOptions) {
    this.options = options;
    this.store = new BoardStore(options.doc);
    this.before = this.store.getSnapshot();
    options.doc.on('afterTransaction', this.onTransaction);
  }

  /** Writes every entry changed since the last write. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.options.doc.off('afterTransaction', this.onTransaction);
    this.store.destroy();
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    const after = this.store.getSnapshot();
    const before = this.before;
    this.before = after;
    if (after === before) return;
    const changes = diffBoards(before, after);
    if (changes.length === 0) return;
    if (this.options.records(transaction.origin)) {
      const origin: unknown = transaction.origin;
      const standalone = origin instanceof AuthoredOrigin && origin.standalone;
      this.record(authorOf(origin), changes, new Date(), standalone);
    } else {
      // Recorded elsewhere (another instance), but it still comes between the edits here.
      this.closeEntries(new Set(changes.map((change) => subjectKey(subjectOf(change)))), null);
    }
  };

  /**
   * Edits are consecutive only until someone else changes the same thing: folding
   * across theirs would file their words under the earlier author's entry.
   */
  private closeEntries(subjects: ReadonlySet<string>, except: string | null): void {
    for (const [author, entries] of this.open) {
      if (author === except) continue;
      for (const key of subjects) entries.delete(key);
    }
  }

  /** `standalone`: folds into no earlier entry, and none later folds into it (a restore). */
  private record(
    author: EditAuthor,
    changes: readonly BoardChange[],
    at: Date,
    standalone: boolean,
  ): void {
    const bySubject = new Map<string, { subject: Subject; changes: BoardChange[] }>();
    for (const change of changes) {
      const subject = subjectOf(change);
      const key = subjectKey(subject);
      const group = bySubject.get(key) ?? { subject, changes: [] };
      group.changes.push(change);
      bySubject.set(key, group);
    }
    const previous = standalone ? undefined : this.open.get(authorKey(author));
    const touched = new Map<string, ActivityRecord>();
    for (const [key, { subject, changes: subjectChanges }] of bySubject) {
      const earlier = previous?.get(key);
      let record: ActivityRecord;
      if (earlier && at.getTime() - earlier.at.getTime() < FOLD_WINDOW_MS) {
        record = earlier;
        record.changes = foldChanges(record.changes, subjectChanges);
        record.at = at;
      } else {
        record = {
          id: randomUUID(),
          author,
          subject,
          stageId: null,
          changes: subjectChanges,
          firstAt: at,
          at,
        };
      }
      const last = record.changes[record.changes.length - 1];
      record.stageId = last ? changeStageId(last) : record.stageId;
      touched.set(key, record);
      this.dirty.set(record.id, record);
    }
    if (standalone) this.open.delete(authorKey(author));
    else this.open.set(authorKey(author), touched);
    this.closeEntries(new Set(touched.keys()), authorKey(author));
    this.timer ??= setTimeout(() => void this.flush(), this.options.flushIntervalMs);
  }

  private async write(): Promise<void> {
    if (this.stopped || this.dirty.size === 0) return;
    // An entry folded to nothing (a text typed and deleted again) is saved too: the feed
    // says "made a change and undid it" (describeActivity), as the earlier row may be out.
    const batch = [...this.dirty.values()];
    this.dirty.clear();
    try {
      await this.options.sink.save(this.options.mapId, batch);
    } catch (error) {
      if (isMapGoneError(error)) return;
      for (const record of batch) if (!this.dirty.has(record.id)) this.dirty.set(record.id, record);
      this.options.log.warn(
        { err: error, mapId: this.options.mapId },
        'writing activity failed; retrying',
      );
      this.timer ??= setTimeout(() => void this.flush(), this.options.flushIntervalMs * 5);
    }
  }
}
