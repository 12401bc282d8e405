import { withoutControlCharacters } from '../api/text.ts';
import { holdsCards } from './lane-kinds/index.ts';
import type { BoardSnapshot } from './types.ts';

/**
 * What map search can find on a board, as plain text: stage titles and
 * descriptions, then every placed card's text with its short named fields
 * (owner, metric). One entry a line; the server turns it into a Postgres
 * tsvector. Evidence sources and comments stay out (links are noise; comments
 * have their own readers).
 */
export function boardSearchText(board: BoardSnapshot): string {
  const lines: string[] = [];
  for (const stage of board.stages) lines.push(stage.title, stage.description);
  const stageIds = new Set(board.stages.map((stage) => stage.id));
  const laneIds = new Set(board.lanes.filter((lane) => holdsCards(lane.kind)).map((l) => l.id));
  for (const card of board.cards.values()) {
    if (!stageIds.has(card.stageId) || !laneIds.has(card.laneId)) continue;
    lines.push(card.text, card.owner, card.metricName);
  }
  return (
    lines
      // A board stored before the sync socket kept to the board's bounds may
      // hold a NUL, which Postgres text refuses: the compaction storing this
      // would fail for good.
      .map((line) => withoutControlCharacters(line).trim())
      .filter((line) => line !== '')
      .join('\n')
  );
}
