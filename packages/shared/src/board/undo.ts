import * as Y from 'yjs';
import { boardRoots, readCardPosition, type BoardRoots } from './doc.ts';
import { LOCAL_ORIGIN } from './ops.ts';

/** What an undo or redo left in place instead of deleting (see createUndoManager): ids. */
export interface KeptByUndo {
  /** Cards others have changed since. */
  readonly cards: readonly string[];
  /** Cards whose text others have changed since this person's edit: the edit stays. */
  readonly texts: readonly string[];
  /** Stages and lanes that cards still sit in (others' cards, or kept ones). */
  readonly stages: readonly string[];
  readonly lanes: readonly string[];
}

export interface UndoOptions {
  /** After every undo and redo: what it kept (usually nothing). */
  readonly onKept?: (kept: KeptByUndo) => void;
}

/**
 * Undo/redo for this client's own changes only (see LOCAL_ORIGIN).
 *
 * Undoing "add card" deletes the card, and with it everything inside it —
 * including text a collaborator has typed into it since, or their move of
 * it. Yjs undoes only our own operations, but their edits live inside our
 * card. So an undo (or a redo) never deletes a card that anyone else has
 * changed: it is kept whole. Likewise undoing "add stage" (or lane) would
 * hide every card put in it since — they would sit in no cell — so a stage
 * or lane that cards still sit in is kept. `onKept` names what was kept;
 * deleting it is then the person's explicit choice.
 *
 * A text edit is undone only while the card's text is as the edit left it. Once
 * someone else has changed it, Yjs would take out this person's words and put
 * back the ones they had replaced, in among the other person's — "the
 * sizereviews and the size chart" — so that part of the step is left out, and
 * named in `onKept`.
 */
export function createUndoManager(doc: Y.Doc, options: UndoOptions = {}): Y.UndoManager {
  return new BoardUndoManager(doc, options);
}

type StackItem = Y.UndoManager['undoStack'][number];
type DeleteSet = StackItem['insertions'];

class BoardUndoManager extends Y.UndoManager {
  /** The step being undone or redone. */
  private step: StackItem | null = null;
  /** What the current undo or redo keeps. */
  private readonly kept = {
    cards: new Set<string>(),
    texts: new Set<string>(),
    stages: new Set<string>(),
    lanes: new Set<string>(),
  };
  /** Per undo or redo: whether an entry must be kept (deleteFilter asks per item). */
  private readonly verdicts = new Map<Y.Item, boolean>();
  private readonly onKept: UndoOptions['onKept'];

  constructor(doc: Y.Doc, { onKept }: UndoOptions) {
    const roots = boardRoots(doc);
    super([roots.stages, roots.lanes, roots.cards, roots.emotions], {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: 400,
    });
    this.deleteFilter = (item) => this.mayDelete(item, roots, doc.clientID);
    this.onKept = onKept;
    // Each step remembers the card texts as it left them (a step that grows, as typing does
    // within the capture timeout, remembers them as they are at its end).
    const remember = (step: StackItem, types: Iterable<unknown>) => {
      for (const type of types) {
        if (type instanceof Y.Text && cardIdOfText(type, roots) !== null) {
          step.meta.set(type, type.toJSON());
        }
      }
    };
    this.on('stack-item-added', (event) =>
      remember(event.stackItem, event.changedParentTypes.keys()),
    );
    this.on('stack-item-updated', (event) =>
      remember(event.stackItem, event.changedParentTypes.keys()),
    );
  }

  override undo() {
    return this.popOneStep('undoStack', () => super.undo());
  }

  override redo() {
    return this.popOneStep('redoStack', () => super.redo());
  }

  /**
   * Only deleting a whole card, stage or lane can take others' work with it;
   * an edit inside one (text typed, a field set) is undone as usual. When the
   * entry itself is kept, so is everything inside it.
   */
  private mayDelete(item: Y.Item, roots: BoardRoots, self: number): boolean {
    const entry = entryOf(item, roots);
    if (!entry || !this.step || !Y.isDeleted(this.step.insertions, entry.id)) return true;
    let keep = this.verdicts.get(entry);
    if (keep === undefined) {
      keep = this.mustKeep(entry, roots, self);
      this.verdicts.set(entry, keep);
    }
    return !keep;
  }

  /** Whether deleting this card, stage or lane would lose others' work (and noting it if so). */
  private mustKeep(entry: Y.Item, roots: BoardRoots, self: number): boolean {
    const key = entry.parentSub;
    if (key === null) return false;
    if (entry.parent === roots.cards) {
      const changed = changedByOthers(entry, self);
      if (changed) this.kept.cards.add(key);
      return changed;
    }
    if (entry.parent !== roots.stages && entry.parent !== roots.lanes) return false;
    // Kept while any card sits in it. Yjs deletes a step's newest items
    // first, so cards this same step added are gone by now.
    const field = entry.parent === roots.stages ? 'stageId' : 'laneId';
    const occupied = [...roots.cards.values()].some(
      (card) => readCardPosition(card)?.[field] === key,
    );
    if (occupied) this.kept[field === 'stageId' ? 'stages' : 'lanes'].add(key);
    return occupied;
  }

  /**
   * Yjs goes on popping older steps while a popped one changed nothing, so a
   * step that only added a now-kept card would undo an older change in its
   * place. One press, one step: Yjs is shown only the top one.
   */
  private popOneStep<T>(stack: 'undoStack' | 'redoStack', pop: () => T): T {
    const older = this[stack].slice(0, -1);
    this[stack] = this[stack].slice(-1);
    this.step = this[stack][0] ?? null;
    if (this.step) this.leaveOutTextsChangedSince(this.step);
    try {
      return pop();
    } finally {
      this[stack] = [...older, ...this[stack]];
      this.step = null;
      this.verdicts.clear();
      const { cards, texts, stages, lanes } = this.kept;
      const kept = { cards: [...cards], texts: [...texts], stages: [...stages], lanes: [...lanes] };
      for (const set of [cards, texts, stages, lanes]) set.clear();
      this.onKept?.(kept);
    }
  }

  /** Takes the parts of `step` in card texts changed since it out of it (and notes their cards). */
  private leaveOutTextsChangedSince(step: StackItem): void {
    const changed = new Set<Y.Text>();
    for (const [type, left] of step.meta) {
      if (!(type instanceof Y.Text) || type._item?.deleted) continue;
      if (type.toJSON() === left) continue;
      changed.add(type);
      const cardId = cardIdOfText(type, boardRoots(this.doc));
      if (cardId !== null) this.kept.texts.add(cardId);
    }
    if (changed.size === 0) return;
    step.insertions = withoutItemsIn(step.insertions, this.doc, changed);
    step.deletions = withoutItemsIn(step.deletions, this.doc, changed);
    for (const type of changed) step.meta.delete(type);
  }
}

/** The id of the card whose text `type` is, or null when it is something else. */
function cardIdOfText(type: Y.Text, roots: BoardRoots): string | null {
  const entry = type._item;
  if (entry?.parentSub !== 'text') return null;
  const card = (entry.parent as Y.AbstractType<unknown>)._item;
  return card?.parent === roots.cards ? card.parentSub : null;
}

/** `set` without the ranges of items that sit directly in one of `types`. */
function withoutItemsIn(set: DeleteSet, doc: Y.Doc, types: ReadonlySet<Y.Text>): DeleteSet {
  const out = Y.createDeleteSet();
  for (const [client, ranges] of set.clients) {
    const structs = doc.store.clients.get(client) ?? [];
    const kept: { clock: number; len: number }[] = [];
    const keep = (clock: number, len: number) => {
      const last = kept[kept.length - 1];
      if (last && last.clock + last.len === clock) last.len += len;
      else kept.push({ clock, len });
    };
    for (const { clock, len } of ranges) {
      const end = clock + len;
      let at = clock;
      for (let index = Y.findIndexSS(structs, clock); at < end && index < structs.length; index++) {
        const struct = structs[index]!;
        const to = Math.min(end, struct.id.clock + struct.length);
        const inside = struct instanceof Y.Item && types.has(struct.parent as Y.Text);
        if (!inside && to > at) keep(at, to - at);
        at = to;
      }
      if (at < end) keep(at, end - at);
    }
    // DeleteItem is Yjs's own class; its shape is all the undo manager reads.
    if (kept.length > 0) out.clients.set(client, kept);
  }
  return out;
}

/** The card, stage or lane entry (an item of a root map) that `item` is, or is part of. */
function entryOf(item: Y.Item, roots: BoardRoots): Y.Item | null {
  let current: Y.Item | null = item;
  while (current) {
    const parent: unknown = current.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (parent === roots.cards || parent === roots.stages || parent === roots.lanes) return current;
    current = parent._item;
  }
  return null;
}

/**
 * Whether anything inside the card was written by another client: a key it
 * set (even one overwritten since), text it typed (even deleted since). Text
 * that others only deleted leaves no item of theirs, and is not seen.
 */
function changedByOthers(card: Y.Item, self: number): boolean {
  return card.content instanceof Y.ContentType && typeWrittenByOthers(card.content.type, self);
}

function typeWrittenByOthers(type: Y.AbstractType<unknown>, self: number): boolean {
  const writtenByOthers = (item: Y.Item): boolean =>
    item.id.client !== self ||
    (item.content instanceof Y.ContentType && typeWrittenByOthers(item.content.type, self));
  for (const latest of type._map.values()) {
    for (let item: Y.Item | null = latest; item; item = item.left) {
      if (writtenByOthers(item)) return true;
    }
  }
  for (let item = type._start; item; item = item.right) {
    if (writtenByOthers(item)) return true;
  }
  return false;
}
