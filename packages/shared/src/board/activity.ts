/**
 * Activity: what one person did to one thing (a card, a stage, a lane, an
 * emotion point), as a list of net changes. Consecutive edits by the same
 * person to the same thing fold into one entry (foldChanges), so typing a
 * card's text letter by letter is one "edited" line, not forty.
 */
import { changeCardId, type BoardChange } from './diff.ts';
import { cellKey } from './types.ts';

/** `map`: the map itself (its name, description, a restore), recorded by the REST service. */
export type SubjectKind = 'card' | 'stage' | 'lane' | 'emotion' | 'map';

/**
 * A change to the map rather than to its board: made over REST, filed in the
 * feed beside the board's changes (services/history/record-map-activity.ts).
 * A restore's changes to the board are filed as well, as a step of their own.
 */
export type MapChange =
  | { readonly kind: 'map.renamed'; readonly from: string; readonly to: string }
  | { readonly kind: 'map.described'; readonly from: string; readonly to: string }
  | {
      readonly kind: 'version.restored';
      readonly versionId: string;
      /** How the version is called (versionTitle), as it was when it was restored. */
      readonly version: string;
      /** A restore, or the undo or redo of one (restoreStepOf). */
      readonly step: 'restore' | 'undo' | 'redo';
    };

/** What an activity entry lists: changes to the board, or to the map. */
export type ActivityChange = BoardChange | MapChange;

export interface Subject {
  readonly kind: SubjectKind;
  readonly id: string;
}

/** The thing a change is about: entries fold per (author, subject). */
export function subjectOf(change: BoardChange): Subject {
  const cardId = changeCardId(change);
  if (cardId) return { kind: 'card', id: cardId };
  if (change.kind === 'emotion.changed') {
    return { kind: 'emotion', id: cellKey(change.stageId, change.laneId) };
  }
  if (change.kind.startsWith('lane.'))
    return { kind: 'lane', id: (change as { laneId: string }).laneId };
  return { kind: 'stage', id: (change as { stageId: string }).stageId };
}

/** Two changes of the same slot (kind, and field for card fields) fold into one. */
function slot(change: BoardChange): string {
  if (change.kind === 'card.field' || change.kind === 'stage.changed') {
    return `${change.kind}:${change.field}`;
  }
  return change.kind;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `earlier` then `later`, as the net changes of both (all about one
 * subject): a slot changed twice keeps the first `from` and the last `to`
 * and disappears if they are equal; a card added in `earlier` absorbs later
 * edits into the added card; an item added and removed again, or removed
 * and back as it was, leaves nothing.
 */
export function foldChanges(
  earlier: readonly BoardChange[],
  later: readonly BoardChange[],
): BoardChange[] {
  const result = [...earlier];
  for (const change of later) {
    const undone = result.findIndex((c) => cancels(c, change));
    if (undone !== -1) {
      result.splice(undone, 1);
      continue;
    }
    const added = result.findIndex(
      (c) => c.kind === 'card.added' || c.kind === 'stage.added' || c.kind === 'lane.added',
    );
    if (
      added !== -1 &&
      change.kind !== 'card.removed' &&
      change.kind !== 'stage.removed' &&
      change.kind !== 'lane.removed'
    ) {
      result[added] = absorb(result[added]!, change);
      continue;
    }
    const index = result.findIndex((c) => slot(c) === slot(change));
    if (index === -1) {
      result.push(change);
      continue;
    }
    const previous = result[index]!;
    if ('from' in previous && 'from' in change) {
      const merged = { ...change, from: previous.from } as BoardChange;
      if (sameValue((merged as { from: unknown }).from, (merged as { to: unknown }).to))
        result.splice(index, 1);
      else result[index] = merged;
    } else {
      result[index] = change;
    }
  }
  return result;
}

/**
 * The later change takes the earlier one back: an item added, then removed
 * again (by the same person, in the fold window); or removed, then back as
 * it was (an undo, then a redo).
 */
function cancels(earlier: BoardChange, later: BoardChange): boolean {
  const [noun, verb] = earlier.kind.split('.');
  const [laterNoun, laterVerb] = later.kind.split('.');
  if (noun !== laterNoun) return false;
  if (verb === 'added' && laterVerb === 'removed') return true;
  if (verb !== 'removed' || laterVerb !== 'added') return false;
  const item = (change: BoardChange) => (change as unknown as Record<string, unknown>)[noun!];
  return sameValue(item(earlier), item(later));
}

/** An added item with a later edit applied: still one "added" change, now with the edited item. */
function absorb(added: BoardChange, change: BoardChange): BoardChange {
  if (added.kind === 'card.added') {
    switch (change.kind) {
      case 'card.text':
        return { ...added, card: { ...added.card, text: change.to } };
      case 'card.field':
        return { ...added, card: { ...added.card, [change.field]: change.to } };
      case 'card.moved':
        return { ...added, card: { ...added.card, ...change.to } };
      default:
        return added;
    }
  }
  if (added.kind === 'stage.added' && change.kind === 'stage.renamed') {
    return { ...added, stage: { ...added.stage, title: change.to } };
  }
  if (added.kind === 'lane.added' && change.kind === 'lane.renamed') {
    return { ...added, lane: { ...added.lane, title: change.to } };
  }
  return added;
}
