import type * as Y from 'yjs';
import {
  boardRoots,
  readCardPosition,
  readCardText,
  readLaneKind,
  readString,
  type YCard,
} from './doc.ts';
import { compareByOrder } from './order.ts';
import type { LaneKind } from './types.ts';

/** A card with where it sits, by name: what the server needs to count votes on it. */
export interface PlacedCard {
  readonly id: string;
  readonly text: string;
  readonly stageId: string;
  readonly stageTitle: string;
  readonly laneId: string;
  readonly laneTitle: string;
  readonly laneKind: LaneKind;
}

function placed(doc: Y.Doc, id: string, card: YCard): PlacedCard | null {
  const { stages, lanes } = boardRoots(doc);
  const position = readCardPosition(card);
  if (!position) return null;
  const stage = stages.get(position.stageId);
  const lane = lanes.get(position.laneId);
  // A card in a stage or lane that is gone is not on the board.
  if (!stage || !lane) return null;
  return {
    id,
    text: readCardText(card),
    stageId: position.stageId,
    stageTitle: readString(stage, 'title'),
    laneId: position.laneId,
    laneTitle: readString(lane, 'title'),
    laneKind: readLaneKind(lane),
  };
}

/** One card and where it sits, or null when the board has no such card (in a cell). */
export function findPlacedCard(doc: Y.Doc, cardId: string): PlacedCard | null {
  const card = boardRoots(doc).cards.get(cardId);
  return card ? placed(doc, cardId, card) : null;
}

/** Every card that sits in a cell of the board, with where it sits. */
export function listPlacedCards(doc: Y.Doc): PlacedCard[] {
  const result: PlacedCard[] = [];
  boardRoots(doc).cards.forEach((card, id) => {
    const found = placed(doc, id, card);
    if (found) result.push(found);
  });
  return result;
}

/** A stage or lane by name, in board order: what the server needs to check a rating. */
export interface BoardOutline {
  readonly stages: readonly { id: string; title: string }[];
  readonly lanes: readonly { id: string; title: string; kind: LaneKind }[];
}

/** The board's stages and lanes in order, without reading its cards. */
export function readBoardOutline(doc: Y.Doc): BoardOutline {
  const { stages, lanes } = boardRoots(doc);
  const ordered = <T extends { id: string; order: string }>(items: T[]) =>
    items.sort(compareByOrder);
  const stageList: { id: string; title: string; order: string }[] = [];
  stages.forEach((stage, id) =>
    stageList.push({ id, title: readString(stage, 'title'), order: readString(stage, 'order') }),
  );
  const laneList: { id: string; title: string; kind: LaneKind; order: string }[] = [];
  lanes.forEach((lane, id) =>
    laneList.push({
      id,
      title: readString(lane, 'title'),
      kind: readLaneKind(lane),
      order: readString(lane, 'order'),
    }),
  );
  return {
    stages: ordered(stageList).map(({ id, title }) => ({ id, title })),
    lanes: ordered(laneList).map(({ id, title, kind }) => ({ id, title, kind })),
  };
}
