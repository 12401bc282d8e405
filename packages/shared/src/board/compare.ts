/**
 * A board to show "what changed" on: the later board, plus what the earlier
 * one had and the later one lost (stages, lanes, cards) put back where they
 * were, so removed things can be drawn as ghosts in their old cells. Only for
 * a throwaway document (a preview) — never the live board.
 */
import type * as Y from 'yjs';
import { readBoard } from './state.ts';
import { restoreBoard } from './restore.ts';
import type { BoardSnapshot, Card } from './types.ts';

/** Origin of the transaction that adds the ghosts to a preview document. */
export const COMPARE_ORIGIN = Symbol('compare');

export interface Ghosts {
  readonly stageIds: ReadonlySet<string>;
  readonly laneIds: ReadonlySet<string>;
  readonly cardIds: ReadonlySet<string>;
}

/** Adds to `doc` (the later board) what `earlier` had and it lacks; returns their ids. */
export function addGhosts(doc: Y.Doc, earlier: BoardSnapshot): Ghosts {
  const later = readBoard(doc);
  const has = <T extends { id: string }>(items: readonly T[]) => new Set(items.map((i) => i.id));
  const laterStages = has(later.stages);
  const laterLanes = has(later.lanes);
  const stages = earlier.stages.filter((stage) => !laterStages.has(stage.id));
  const lanes = earlier.lanes.filter((lane) => !laterLanes.has(lane.id));
  const cards: Card[] = [...earlier.cards.values()].filter((card) => !later.cards.has(card.id));
  if (stages.length + lanes.length + cards.length === 0) {
    return { stageIds: new Set(), laneIds: new Set(), cardIds: new Set() };
  }
  restoreBoard(
    doc,
    {
      ...later,
      stages: [...later.stages, ...stages],
      lanes: [...later.lanes, ...lanes],
      cards: new Map([...later.cards, ...cards.map((card) => [card.id, card] as const)]),
    },
    COMPARE_ORIGIN,
  );
  return {
    stageIds: new Set(stages.map((s) => s.id)),
    laneIds: new Set(lanes.map((l) => l.id)),
    cardIds: new Set(cards.map((c) => c.id)),
  };
}
