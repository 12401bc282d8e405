import * as Y from 'yjs';
import { boardRoots } from './doc.ts';
import { LOCAL_ORIGIN } from './ops.ts';

export interface UndoOptions {
  /**
   * After every undo and redo: the cards it left in place because others
   * have changed them since (see createUndoManager), usually none.
   */
  readonly onKeptCards?: (cardIds: readonly string[]) => void;
}

/**
 * Undo/redo for this client's own changes only (see LOCAL_ORIGIN).
 *
 * Undoing "add card" deletes the card, and with it everything inside it —
 * including text a collaborator has typed into it since, or their move of
 * it. Yjs undoes only our own operations, but their edits live inside our
 * card. So an undo (or a redo) never deletes a card that anyone else has
 * changed: it is kept whole, and `onKeptCards` says so. Deleting it is then
 * the person's explicit choice.
 */
export function createUndoManager(doc: Y.Doc, options: UndoOptions = {}): Y.UndoManager {
  return new BoardUndoManager(doc, options);
}

type StackItem = Y.UndoManager['undoStack'][number];

class BoardUndoManager extends Y.UndoManager {
  /** The step being undone or redone. */
  private step: StackItem | null = null;
  /** Cards the current undo or redo keeps (their ids). */
  private readonly kept = new Set<string>();
  /** Per undo or redo: whether a card entry has others' changes (deleteFilter asks per item). */
  private readonly verdicts = new Map<Y.Item, boolean>();
  private readonly onKeptCards: UndoOptions['onKeptCards'];

  constructor(doc: Y.Doc, { onKeptCards }: UndoOptions) {
    const roots = boardRoots(doc);
    super([roots.stages, roots.lanes, roots.cards, roots.emotions], {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: 400,
    });
    this.deleteFilter = (item) => this.mayDelete(item, roots.cards, doc.clientID);
    this.onKeptCards = onKeptCards;
  }

  override undo() {
    return this.popOneStep('undoStack', () => super.undo());
  }

  override redo() {
    return this.popOneStep('redoStack', () => super.redo());
  }

  private mayDelete(item: Y.Item, cards: object, self: number): boolean {
    const card = cardEntryOf(item, cards);
    // Only deleting the card itself takes others' work with it (then its
    // inside is kept too); an edit inside a card (text typed, a field set)
    // is undone as usual, even in a card others have written in.
    if (!card || !this.step || !Y.isDeleted(this.step.insertions, card.id)) return true;
    let changed = this.verdicts.get(card);
    if (changed === undefined) {
      changed = changedByOthers(card, self);
      this.verdicts.set(card, changed);
    }
    if (changed && card.parentSub !== null) this.kept.add(card.parentSub);
    return !changed;
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
    try {
      return pop();
    } finally {
      this[stack] = [...older, ...this[stack]];
      this.step = null;
      this.verdicts.clear();
      const kept = [...this.kept];
      this.kept.clear();
      this.onKeptCards?.(kept);
    }
  }
}

/** The entry in `cards` (a card's Y.Map item) that `item` is part of, or null. */
function cardEntryOf(item: Y.Item, cards: object): Y.Item | null {
  let current: Y.Item | null = item;
  while (current) {
    const parent: unknown = current.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (parent === cards) return current;
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
