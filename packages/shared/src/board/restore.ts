/**
 * Restore: make a live document look like an earlier board, as ONE forward
 * change (a "git revert", not a rewind).
 *
 * Only what differs is written: a card that is the same then and now is not
 * touched, so a collaborator editing it meanwhile keeps their edit; a text
 * that differs is changed by a minimal splice (applyTextChange), not
 * replaced. Items that existed then and were deleted since are re-created
 * with their old ids, so comments anchored to them find them again. Because
 * it is an ordinary transaction on the live document, everyone connected
 * receives it like any edit, and restoring the state from just before it
 * undoes it.
 */
import * as Y from 'yjs';
import { boardRoots, readCardPosition, type BoardRoots, type YCard } from './doc.ts';
import { readCardFields } from './card-fields.ts';
import { applyTextChange } from './text-diff.ts';
import { CARD_FIELD_NAMES, DEFAULT_CARD_FIELDS } from './card-fields.ts';
import { cellKey, type BoardSnapshot, type Card, type Lane, type Stage } from './types.ts';

/** Applies `target` to `doc` in one transaction with `origin`. */
export function restoreBoard(doc: Y.Doc, target: BoardSnapshot, origin: unknown): void {
  doc.transact(() => {
    const roots = boardRoots(doc);
    syncItems(roots.stages, target.stages, writeStage);
    syncItems(roots.lanes, target.lanes, writeLane);
    syncCards(roots, target);
    syncEmotions(roots, target);
  }, origin);
}

type Writer<T> = (map: Y.Map<unknown>, item: T) => void;

function setIfDifferent(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (map.get(key) !== value) map.set(key, value);
}

const writeStage: Writer<Stage> = (map, stage) => {
  setIfDifferent(map, 'title', stage.title);
  setIfDifferent(map, 'description', stage.description);
  setIfDifferent(map, 'order', stage.order);
  setIfDifferent(map, 'momentOfTruth', stage.momentOfTruth);
};

const writeLane: Writer<Lane> = (map, lane) => {
  setIfDifferent(map, 'title', lane.title);
  setIfDifferent(map, 'kind', lane.kind);
  setIfDifferent(map, 'order', lane.order);
  setIfDifferent(map, 'collapsed', lane.collapsed);
};

function syncItems<T extends { id: string }>(
  root: Y.Map<Y.Map<unknown>>,
  items: readonly T[],
  write: Writer<T>,
): void {
  const wanted = new Set(items.map((item) => item.id));
  for (const id of [...root.keys()]) if (!wanted.has(id)) root.delete(id);
  for (const item of items) {
    let map = root.get(item.id);
    if (!map) {
      map = new Y.Map<unknown>();
      root.set(item.id, map);
    }
    write(map, item);
  }
}

function syncCards(roots: BoardRoots, target: BoardSnapshot): void {
  for (const id of [...roots.cards.keys()]) if (!target.cards.has(id)) roots.cards.delete(id);
  for (const card of target.cards.values()) {
    const existing = roots.cards.get(card.id);
    if (existing && existing.get('text') instanceof Y.Text) updateCard(existing, card);
    else createCard(roots, card);
  }
}

function createCard(roots: BoardRoots, card: Card): void {
  const map: YCard = new Y.Map<unknown>();
  map.set('text', new Y.Text(card.text));
  map.set('position', { stageId: card.stageId, laneId: card.laneId, order: card.order });
  roots.cards.set(card.id, map);
  for (const field of CARD_FIELD_NAMES) {
    if (card[field] !== DEFAULT_CARD_FIELDS[field]) map.set(field, card[field]);
  }
}

function updateCard(map: YCard, card: Card): void {
  const position = readCardPosition(map);
  if (
    position?.stageId !== card.stageId ||
    position.laneId !== card.laneId ||
    position.order !== card.order
  ) {
    map.set('position', { stageId: card.stageId, laneId: card.laneId, order: card.order });
  }
  const text = map.get('text') as Y.Text;
  if (text.toJSON() !== card.text) applyTextChange(text, card.text);
  const fields = readCardFields((key) => map.get(key));
  for (const field of CARD_FIELD_NAMES) {
    if (fields[field] !== card[field]) map.set(field, card[field]);
  }
}

function syncEmotions(roots: BoardRoots, target: BoardSnapshot): void {
  for (const key of [...roots.emotions.keys()]) {
    if (!target.emotions.has(key)) roots.emotions.delete(key);
  }
  for (const point of target.emotions.values()) {
    const key = cellKey(point.stageId, point.laneId);
    const raw = roots.emotions.get(key) as { score?: unknown; note?: unknown } | undefined;
    if (raw?.score !== point.score || raw?.note !== point.note) {
      roots.emotions.set(key, { score: point.score, note: point.note });
    }
  }
}
