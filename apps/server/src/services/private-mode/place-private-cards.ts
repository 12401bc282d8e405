import type { TPrivateCard } from '@journeyboard/shared';
import {
  addCard,
  CARD_FIELD_NAMES,
  holdsCards,
  normalizeCardField,
  readBoardOutline,
  type CardFields,
} from '@journeyboard/shared/board';
import type * as Y from 'yjs';

export interface CardToReveal extends Pick<TPrivateCard, 'id' | 'stageId' | 'laneId' | 'text'> {
  readonly fields: unknown;
  readonly authorName: string;
}

/**
 * Puts private cards on the board with the shared `addCard` op, each under
 * its own id — so running this twice (a reveal retried after a crash) adds
 * nothing the second time. Call it inside ONE transaction (LiveBoard.change).
 *
 * A card whose stage or lane was deleted meanwhile (or a lane that no longer
 * holds cards) goes to the first stage and the first lane that holds cards:
 * a reveal never silently drops what someone wrote. Fields the board would
 * not accept are left out; the author's name goes into `addedBy` unless the
 * reveal is anonymous. Returns how many cards are on the board afterwards.
 */
export function placePrivateCards(
  doc: Y.Doc,
  cards: readonly CardToReveal[],
  options: { anonymous: boolean },
): number {
  // Stages and lanes only: reading every card (45–140 ms at 2,000 cards) would
  // hold the event loop at the workshop's reveal.
  const board = readBoardOutline(doc);
  const stageIds = new Set(board.stages.map((stage) => stage.id));
  const cardLanes = board.lanes.filter((lane) => holdsCards(lane.kind));
  const laneIds = new Set(cardLanes.map((lane) => lane.id));
  const firstStage = board.stages[0]?.id;
  const firstLane = cardLanes[0]?.id;
  let placed = 0;
  for (const card of cards) {
    const stageId = stageIds.has(card.stageId) ? card.stageId : firstStage;
    const laneId = laneIds.has(card.laneId) ? card.laneId : firstLane;
    if (stageId === undefined || laneId === undefined) continue; // a board with no cells at all
    const fields = boardFields(card.fields);
    const id = addCard(doc, {
      id: card.id,
      stageId,
      laneId,
      text: card.text,
      fields: options.anonymous ? fields : { ...fields, addedBy: card.authorName },
    });
    if (id) placed += 1;
  }
  return placed;
}

/** The stored fields the board accepts, by the board's own rules (normalizeCardField). */
function boardFields(stored: unknown): Partial<CardFields> {
  if (!stored || typeof stored !== 'object') return {};
  const fields: Record<string, unknown> = {};
  for (const name of CARD_FIELD_NAMES) {
    if (name === 'addedBy') continue; // only the reveal writes who wrote it
    const raw = (stored as Record<string, unknown>)[name];
    if (raw === undefined) continue;
    const value = normalizeCardField(name, raw);
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}
