import { TEMPLATES, templateBoard } from '../templates.ts';
import type { BoardSnapshot } from '../types.ts';

export type BoardEmptiness =
  { readonly empty: true } | { readonly empty: false; readonly reason: string };

const blank = templateBoard(TEMPLATES.blank);
const BLANK_STAGES = blank.stages.map((stage) => stage.title);
const BLANK_LANES = blank.lanes.map((lane) => `${lane.kind}:${lane.title}`);

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * Whether a map is empty enough to import a file into: nothing anyone wrote
 * would be lost when its board is replaced by the file's. Empty means no
 * cards and no emotion scores, and stages and lanes that are either none
 * or exactly those a new blank map starts with (titles and kinds in order,
 * no stage descriptions or moments of truth). A renamed stage is work, so
 * it makes the map not empty. The reason says what is there, for the 409.
 */
export function boardEmptiness(board: BoardSnapshot): BoardEmptiness {
  const stageIds = new Set(board.stages.map((stage) => stage.id));
  const laneIds = new Set(board.lanes.map((lane) => lane.id));
  let cards = 0;
  for (const card of board.cards.values())
    if (stageIds.has(card.stageId) && laneIds.has(card.laneId)) cards += 1;
  if (cards > 0) return { empty: false, reason: `it has ${cards} card${cards === 1 ? '' : 's'}` };
  let scores = 0;
  for (const point of board.emotions.values())
    if (stageIds.has(point.stageId) && laneIds.has(point.laneId)) scores += 1;
  if (scores > 0)
    return {
      empty: false,
      reason: `it has ${scores} emotion score${scores === 1 ? '' : 's'}`,
    };
  const described = board.stages.find((stage) => stage.description !== '' || stage.momentOfTruth);
  if (described)
    return {
      empty: false,
      reason: `stage '${described.title}' has a description or is a moment of truth`,
    };
  const stages = board.stages.map((stage) => stage.title);
  const lanes = board.lanes.map((lane) => `${lane.kind}:${lane.title}`);
  if (stages.length > 0 && !sameList(stages, BLANK_STAGES))
    return { empty: false, reason: 'its stages are not those of a new blank map' };
  if (lanes.length > 0 && !sameList(lanes, BLANK_LANES))
    return { empty: false, reason: 'its lanes are not those of a new blank map' };
  return { empty: true };
}
