import type { BoardSnapshot, Card } from './types.ts';

/**
 * The cards whose text contains `query` (case and accents as typed are
 * ignored: "cafe" finds "Café"), in reading order: stage by stage, lane by
 * lane, top to bottom in each cell. What the board's find steps through.
 */
export function findCards(board: BoardSnapshot, query: string): Card[] {
  const wanted = fold(query.trim());
  if (wanted === '') return [];
  const found: Card[] = [];
  for (const stage of board.stages) {
    for (const lane of board.lanes) {
      for (const id of board.cells.get(`${stage.id}:${lane.id}`) ?? []) {
        const card = board.cards.get(id);
        if (card && fold(card.text).includes(wanted)) found.push(card);
      }
    }
  }
  return found;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
