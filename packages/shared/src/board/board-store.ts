import * as Y from 'yjs';
import {
  boardRoots,
  readBoolean,
  readCardPosition,
  readCardText,
  readLaneKind,
  readString,
  type BoardRoots,
} from './doc.ts';
import { readCardFields } from './card-fields.ts';
import { compareByOrder } from './order.ts';
import {
  cellKey,
  EMOTION_MAX,
  EMOTION_MIN,
  type BoardSnapshot,
  type Card,
  type EmotionPoint,
  type Lane,
  type Stage,
} from './types.ts';

function shallowEqual<T extends object>(a: T, b: T): boolean {
  for (const key of Object.keys(a) as (keyof T)[]) if (a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

function sameIds(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((id, index) => id === b[index]);
}

/** `previous` when `next` holds the very same items in the same order (nothing to re-render). */
function keepSame<T>(previous: readonly T[] | undefined, next: readonly T[]): readonly T[] {
  return previous &&
    previous.length === next.length &&
    previous.every((item, i) => item === next[i])
    ? previous
    : next;
}

function keepSameMap<K, V>(
  previous: ReadonlyMap<K, V> | undefined,
  next: ReadonlyMap<K, V>,
): ReadonlyMap<K, V> {
  if (!previous || previous.size !== next.size) return next;
  for (const [key, value] of next) if (previous.get(key) !== value) return next;
  return previous;
}

/**
 * Immutable snapshots of a board document for React's useSyncExternalStore.
 *
 * Snapshots share structure: an unchanged card, stage, lane or cell keeps the
 * same object from one snapshot to the next, so a component that selects one
 * card re-renders only when that card changed. Only cards touched by a
 * transaction are re-read from the document.
 */
export type BoardChangeListener = (before: BoardSnapshot, after: BoardSnapshot) => void;

export class BoardStore {
  readonly doc: Y.Doc;
  private readonly roots: BoardRoots;
  private readonly listeners = new Set<() => void>();
  private readonly remoteListeners = new Set<BoardChangeListener>();
  private readonly ownListeners = new Set<BoardChangeListener>();
  private snapshot: BoardSnapshot;
  private cardCache = new Map<string, Card>();
  /** The preview being shown (showPreview), until the first real snapshot is built against it. */
  private preview: BoardSnapshot | null = null;
  private readonly dirtyCards = new Set<string>();
  private dirty = { stages: true, lanes: true, cells: true, emotions: true, meta: true };
  private changed = false;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.roots = boardRoots(doc);
    this.roots.cards.forEach((_, id) => this.dirtyCards.add(id));
    this.snapshot = this.build(undefined);
    this.roots.meta.observe(this.onMeta);
    this.roots.stages.observeDeep(this.onStages);
    this.roots.lanes.observeDeep(this.onLanes);
    this.roots.cards.observeDeep(this.onCards);
    this.roots.emotions.observe(this.onEmotions);
    doc.on('beforeTransaction', this.onBeforeTransaction);
    doc.on('afterTransaction', this.onAfterTransaction);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Called after each transaction that came from elsewhere (the server, another
   * tab) and changed the board, with the board before and after it. Costs a
   * snapshot per remote transaction, so only while someone listens.
   */
  subscribeRemoteChanges = (listener: BoardChangeListener): (() => void) => {
    this.remoteListeners.add(listener);
    return () => this.remoteListeners.delete(listener);
  };

  /**
   * The same for each transaction made here (this person's own changes,
   * their undo and redo included).
   */
  subscribeOwnChanges = (listener: BoardChangeListener): (() => void) => {
    this.ownListeners.add(listener);
    return () => this.ownListeners.delete(listener);
  };

  getSnapshot = (): BoardSnapshot => {
    if (this.changed) {
      this.snapshot = this.build(this.snapshot);
      this.changed = false;
    }
    return this.snapshot;
  };

  /**
   * Serves `preview` (a snapshot kept beside this device's copy of the
   * document, snapshot-json.ts) while the document is still empty, so the
   * board can be drawn before Yjs has decoded that copy. The document's first
   * content replaces it; the objects of the preview that equal the real ones
   * are kept, so what was drawn from it is not drawn again. Returns false,
   * and does nothing, once the document has content.
   */
  showPreview(preview: BoardSnapshot): boolean {
    if (this.doc.store.clients.size > 0 || this.changed) return false;
    this.snapshot = preview;
    this.preview = preview;
    // Whatever the document brings first is read whole, against the preview.
    this.dirty = { stages: true, lanes: true, cells: true, emotions: true, meta: true };
    for (const listener of [...this.listeners]) listener();
    return true;
  }

  /** True while the board served is a preview, not yet the document (showPreview). */
  showsPreview = (): boolean => {
    this.getSnapshot(); // built anew if the document has changed since
    return this.preview !== null;
  };

  destroy(): void {
    this.roots.meta.unobserve(this.onMeta);
    this.roots.stages.unobserveDeep(this.onStages);
    this.roots.lanes.unobserveDeep(this.onLanes);
    this.roots.cards.unobserveDeep(this.onCards);
    this.roots.emotions.unobserve(this.onEmotions);
    this.doc.off('beforeTransaction', this.onBeforeTransaction);
    this.doc.off('afterTransaction', this.onAfterTransaction);
    this.listeners.clear();
    this.remoteListeners.clear();
    this.ownListeners.clear();
  }

  private readonly onMeta = () => this.mark('meta');
  private readonly onStages = () => this.mark('stages');
  private readonly onLanes = () => this.mark('lanes');
  private readonly onEmotions = () => this.mark('emotions');

  private readonly onCards = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) {
      if (event.target === this.roots.cards) {
        // Cards added or removed.
        for (const key of event.keys.keys()) this.dirtyCards.add(key);
        this.dirty.cells = true;
      } else {
        const cardId = event.path[0];
        if (typeof cardId === 'string') this.dirtyCards.add(cardId);
        if (event instanceof Y.YMapEvent && event.keysChanged.has('position')) {
          this.dirty.cells = true;
        }
      }
    }
    this.changed = true;
  };

  private mark(part: keyof BoardStore['dirty']): void {
    this.dirty[part] = true;
    this.changed = true;
  }

  // A change is told against the board as it was just before it, even if
  // nobody has read the snapshot since the last change.
  private readonly onBeforeTransaction = () => {
    if (this.remoteListeners.size + this.ownListeners.size > 0 && this.changed) this.getSnapshot();
  };

  private readonly onAfterTransaction = (transaction: Y.Transaction) => {
    if (!this.changed) return;
    const told = transaction.local ? this.ownListeners : this.remoteListeners;
    if (told.size > 0) {
      const before = this.snapshot;
      const after = this.getSnapshot();
      for (const listener of [...told]) listener(before, after);
    }
    for (const listener of [...this.listeners]) listener();
  };

  private build(previous: BoardSnapshot | undefined): BoardSnapshot {
    const stages = this.dirty.stages || !previous ? this.readStages(previous) : previous.stages;
    const lanes = this.dirty.lanes || !previous ? this.readLanes(previous) : previous.lanes;
    const cards =
      this.dirtyCards.size > 0 || !previous || this.preview ? this.readCards() : previous.cards;
    const structureChanged = stages !== previous?.stages || lanes !== previous.lanes;
    const cells =
      this.dirty.cells || structureChanged || !previous
        ? this.readCells(cards, stages, lanes, previous)
        : previous.cells;
    const emotions =
      this.dirty.emotions || !previous ? this.readEmotions(previous) : previous.emotions;
    const schemaVersion = this.roots.meta.get('schemaVersion');
    this.dirty = { stages: false, lanes: false, cells: false, emotions: false, meta: false };
    this.preview = null;
    return {
      schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 0,
      stages,
      lanes,
      cards,
      cells,
      emotions,
    };
  }

  private readStages(previous: BoardSnapshot | undefined): readonly Stage[] {
    const before = new Map(previous?.stages.map((stage) => [stage.id, stage]));
    const stages: Stage[] = [];
    this.roots.stages.forEach((map, id) => {
      const next: Stage = {
        id,
        title: readString(map, 'title'),
        description: readString(map, 'description'),
        order: readString(map, 'order'),
        momentOfTruth: readBoolean(map, 'momentOfTruth'),
      };
      const old = before.get(id);
      stages.push(old && shallowEqual(old, next) ? old : next);
    });
    return keepSame(previous?.stages, stages.sort(compareByOrder));
  }

  private readLanes(previous: BoardSnapshot | undefined): readonly Lane[] {
    const before = new Map(previous?.lanes.map((lane) => [lane.id, lane]));
    const lanes: Lane[] = [];
    this.roots.lanes.forEach((map, id) => {
      const next: Lane = {
        id,
        title: readString(map, 'title'),
        kind: readLaneKind(map),
        order: readString(map, 'order'),
        collapsed: readBoolean(map, 'collapsed'),
      };
      const old = before.get(id);
      lanes.push(old && shallowEqual(old, next) ? old : next);
    });
    return keepSame(previous?.lanes, lanes.sort(compareByOrder));
  }

  private readCards(): ReadonlyMap<string, Card> {
    const cards = new Map(this.cardCache);
    for (const id of this.dirtyCards) {
      const map = this.roots.cards.get(id);
      const position = map ? readCardPosition(map) : null;
      if (!map || !position) {
        cards.delete(id);
        continue;
      }
      const next: Card = {
        id,
        text: readCardText(map),
        ...position,
        ...readCardFields((key) => map.get(key)),
      };
      const old = cards.get(id) ?? this.preview?.cards.get(id);
      cards.set(id, old && shallowEqual(old, next) ? old : next);
    }
    this.dirtyCards.clear();
    this.cardCache = cards;
    return cards;
  }

  private readCells(
    cards: ReadonlyMap<string, Card>,
    stages: readonly Stage[],
    lanes: readonly Lane[],
    previous: BoardSnapshot | undefined,
  ): ReadonlyMap<string, readonly string[]> {
    const stageIds = new Set(stages.map((stage) => stage.id));
    const laneIds = new Set(lanes.map((lane) => lane.id));
    const grouped = new Map<string, Card[]>();
    for (const card of cards.values()) {
      // A card whose stage or lane was deleted concurrently is not shown.
      if (!stageIds.has(card.stageId) || !laneIds.has(card.laneId)) continue;
      const key = cellKey(card.stageId, card.laneId);
      const list = grouped.get(key);
      if (list) list.push(card);
      else grouped.set(key, [card]);
    }
    const cells = new Map<string, readonly string[]>();
    for (const [key, list] of grouped) {
      const ids = list.sort(compareByOrder).map((card) => card.id);
      const old = previous?.cells.get(key);
      cells.set(key, old && sameIds(old, ids) ? old : ids);
    }
    return cells;
  }

  private readEmotions(previous: BoardSnapshot | undefined): ReadonlyMap<string, EmotionPoint> {
    const emotions = new Map<string, EmotionPoint>();
    this.roots.emotions.forEach((value, key) => {
      const [stageId, laneId] = key.split(':');
      const raw = value as { score?: unknown; note?: unknown } | null;
      if (!stageId || !laneId || typeof raw?.score !== 'number') return;
      const next: EmotionPoint = {
        stageId,
        laneId,
        score: Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, raw.score)),
        note: typeof raw.note === 'string' ? raw.note : '',
      };
      const old = previous?.emotions.get(key);
      emotions.set(key, old && shallowEqual(old, next) ? old : next);
    });
    return keepSameMap(previous?.emotions, emotions);
  }
}
