import * as Y from 'yjs';
import { isLaneKind } from './lane-kinds/index.ts';
import type { CardPosition, LaneKind } from './types.ts';

/**
 * The layout of the shared Y.Doc. Everything outside this folder goes through
 * the typed operations in ops.ts and the snapshots of board-store.ts.
 *
 *   meta      Y.Map   schemaVersion
 *   stages    Y.Map   id → Y.Map { title, description, order, momentOfTruth }
 *   lanes     Y.Map   id → Y.Map { title, kind, order, collapsed }
 *   cards     Y.Map   id → Y.Map { text: Y.Text, position: CardPosition,
 *                                     color?, momentOfTruth?, evidence?,
 *                                     evidenceSources?, addedBy?, channel?, severity?,
 *                                     impact?, effort?, owner?, metricName?,
 *                                     metricCurrent?, metricTarget?, metricUnit? }
 *   emotions  Y.Map   "stageId:laneId" → { score, note }
 *
 * A card's position is one plain value, so a move is atomic: two people moving
 * the same card at once land it in one of their two cells, never in a mix.
 * Each card field is its own key, so two people setting different fields of
 * one card both keep theirs; an absent key reads as the field's default.
 *
 * Versions: 1 — stages, lanes, cards with text and position, emotions.
 *           2 — card fields (above); every stage has description and
 *               momentOfTruth, every lane collapsed (see upgrade in integrity.ts).
 */
export const BOARD_SCHEMA_VERSION = 2;

export type YStage = Y.Map<unknown>;
export type YLane = Y.Map<unknown>;
export type YCard = Y.Map<unknown>;

export interface BoardRoots {
  readonly meta: Y.Map<unknown>;
  readonly stages: Y.Map<YStage>;
  readonly lanes: Y.Map<YLane>;
  readonly cards: Y.Map<YCard>;
  readonly emotions: Y.Map<unknown>;
}

export function boardRoots(doc: Y.Doc): BoardRoots {
  return {
    meta: doc.getMap('meta'),
    stages: doc.getMap('stages'),
    lanes: doc.getMap('lanes'),
    cards: doc.getMap('cards'),
    emotions: doc.getMap('emotions'),
  };
}

export const readString = (map: Y.Map<unknown>, key: string, fallback = ''): string => {
  const value = map.get(key);
  return typeof value === 'string' ? value : fallback;
};

export const readBoolean = (map: Y.Map<unknown>, key: string): boolean => map.get(key) === true;

export const readLaneKind = (map: Y.Map<unknown>): LaneKind => {
  const value = map.get('kind');
  return isLaneKind(value) ? value : 'notes';
};

export const readNumber = (map: Y.Map<unknown>, key: string): number | null => {
  const value = map.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

export const readCardText = (card: YCard): string => {
  const text = card.get('text');
  return text instanceof Y.Text ? text.toJSON() : '';
};

export const readCardPosition = (card: YCard): CardPosition | null => {
  const value = card.get('position') as Partial<CardPosition> | undefined;
  if (
    value === undefined ||
    typeof value.stageId !== 'string' ||
    typeof value.laneId !== 'string' ||
    typeof value.order !== 'string'
  ) {
    return null;
  }
  return { stageId: value.stageId, laneId: value.laneId, order: value.order };
};
