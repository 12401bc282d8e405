import * as Y from 'yjs';
import {
  boardRoots,
  readCardPosition,
  readCardText,
  readString,
  BOARD_SCHEMA_VERSION,
  type BoardRoots,
  type YCard,
} from './doc.ts';
import { BOARD_TEXT_LIMITS, boundedText } from './bounds.ts';
import { createId } from './ids.ts';
import { compareByOrder, keyBetween, keyForIndex } from './order.ts';
import { CARD_FIELD_NAMES, normalizeCardField } from './card-fields.ts';
import { applyTextChange, applyTextEdit } from './text-diff.ts';
import {
  CARD_TEXT_MAX,
  cellKey,
  EMOTION_MAX,
  EMOTION_MIN,
  type Card,
  type CardFields,
  type LaneKind,
} from './types.ts';

/**
 * The origin of every change made by this client through these operations.
 * The undo manager tracks only this origin, so a collaborator's edits (which
 * arrive with the provider as origin) never enter the local undo stack.
 */
export const LOCAL_ORIGIN = Symbol('journeyboard/local');

function change<T>(doc: Y.Doc, fn: (roots: BoardRoots) => T): T {
  let result!: T;
  doc.transact(() => {
    result = fn(boardRoots(doc));
  }, LOCAL_ORIGIN);
  return result;
}

interface Ordered {
  id: string;
  order: string;
}

function sortedEntries(map: Y.Map<Y.Map<unknown>>, excludeId?: string): Ordered[] {
  const entries: Ordered[] = [];
  map.forEach((item, id) => {
    if (id !== excludeId) entries.push({ id, order: readString(item, 'order') });
  });
  return entries.sort(compareByOrder);
}

function sortedCellCards(roots: BoardRoots, stageId: string, laneId: string, excludeId?: string) {
  const entries: Ordered[] = [];
  roots.cards.forEach((card, id) => {
    const position = readCardPosition(card);
    if (id !== excludeId && position?.stageId === stageId && position.laneId === laneId) {
      entries.push({ id, order: position.order });
    }
  });
  return entries.sort(compareByOrder);
}

const clampIndex = (index: number | undefined, length: number) =>
  index === undefined ? length : Math.max(0, Math.min(Math.trunc(index), length));

// ── Board ───────────────────────────────────────────────────────────────────

export function initBoard(doc: Y.Doc): void {
  change(doc, ({ meta }) => meta.set('schemaVersion', BOARD_SCHEMA_VERSION));
}

// ── Stages ──────────────────────────────────────────────────────────────────

export function addStage(
  doc: Y.Doc,
  input: {
    title: string;
    index?: number;
    /** Chosen by the caller (a fresh one when absent). */ id?: string;
  },
): string {
  return change(doc, (roots) => {
    const siblings = sortedEntries(roots.stages);
    const id = input.id ?? createId();
    const stage = new Y.Map<unknown>();
    stage.set('title', titleText(input.title));
    stage.set('description', '');
    stage.set('momentOfTruth', false);
    stage.set('order', keyForIndex(siblings, clampIndex(input.index, siblings.length)));
    roots.stages.set(id, stage);
    return id;
  });
}

export function renameStage(doc: Y.Doc, stageId: string, title: string): boolean {
  return change(doc, ({ stages }) => {
    const stage = stages.get(stageId);
    if (!stage) return false;
    stage.set('title', titleText(title));
    return true;
  });
}

export interface StagePatch {
  readonly title?: string;
  readonly description?: string;
  readonly momentOfTruth?: boolean;
}

/** Changes a stage's title, description or moment-of-truth flag; only keys that differ are written. */
export function updateStage(doc: Y.Doc, stageId: string, patch: StagePatch): boolean {
  return change(doc, ({ stages }) => {
    const stage = stages.get(stageId);
    if (!stage) return false;
    for (const [key, value] of Object.entries(patch) as [keyof StagePatch, unknown][]) {
      if (key === 'momentOfTruth' ? typeof value !== 'boolean' : typeof value !== 'string') {
        continue;
      }
      const stored =
        typeof value === 'string'
          ? boundedText(value, BOARD_TEXT_LIMITS[key === 'title' ? 'title' : 'description'])
          : value;
      if (stage.get(key) !== stored) stage.set(key, stored);
    }
    return true;
  });
}

export function moveStage(doc: Y.Doc, stageId: string, toIndex: number): boolean {
  return change(doc, ({ stages }) => {
    const stage = stages.get(stageId);
    if (!stage) return false;
    const siblings = sortedEntries(stages, stageId);
    stage.set('order', keyForIndex(siblings, clampIndex(toIndex, siblings.length)));
    return true;
  });
}

/** Deletes a stage with its cards and emotion points, in one undoable step. */
export function deleteStage(doc: Y.Doc, stageId: string): boolean {
  return change(doc, (roots) => {
    if (!roots.stages.has(stageId)) return false;
    roots.stages.delete(stageId);
    for (const [id, card] of roots.cards.entries()) {
      if (readCardPosition(card)?.stageId === stageId) roots.cards.delete(id);
    }
    for (const key of [...roots.emotions.keys()]) {
      if (key.startsWith(`${stageId}:`)) roots.emotions.delete(key);
    }
    return true;
  });
}

// ── Lanes ───────────────────────────────────────────────────────────────────

export function addLane(
  doc: Y.Doc,
  input: { title: string; kind: LaneKind; index?: number; /** As in addStage. */ id?: string },
): string {
  return change(doc, (roots) => {
    const siblings = sortedEntries(roots.lanes);
    const id = input.id ?? createId();
    const lane = new Y.Map<unknown>();
    lane.set('title', titleText(input.title));
    lane.set('kind', input.kind);
    lane.set('collapsed', false);
    lane.set('order', keyForIndex(siblings, clampIndex(input.index, siblings.length)));
    roots.lanes.set(id, lane);
    return id;
  });
}

export function renameLane(doc: Y.Doc, laneId: string, title: string): boolean {
  return change(doc, ({ lanes }) => {
    const lane = lanes.get(laneId);
    if (!lane) return false;
    lane.set('title', titleText(title));
    return true;
  });
}

export function setLaneCollapsed(doc: Y.Doc, laneId: string, collapsed: boolean): boolean {
  return change(doc, ({ lanes }) => {
    const lane = lanes.get(laneId);
    if (!lane) return false;
    if (lane.get('collapsed') !== collapsed) lane.set('collapsed', collapsed);
    return true;
  });
}

export function moveLane(doc: Y.Doc, laneId: string, toIndex: number): boolean {
  return change(doc, ({ lanes }) => {
    const lane = lanes.get(laneId);
    if (!lane) return false;
    const siblings = sortedEntries(lanes, laneId);
    lane.set('order', keyForIndex(siblings, clampIndex(toIndex, siblings.length)));
    return true;
  });
}

/** Deletes a lane with its cards and emotion points, in one undoable step. */
export function deleteLane(doc: Y.Doc, laneId: string): boolean {
  return change(doc, (roots) => {
    if (!roots.lanes.has(laneId)) return false;
    roots.lanes.delete(laneId);
    for (const [id, card] of roots.cards.entries()) {
      if (readCardPosition(card)?.laneId === laneId) roots.cards.delete(id);
    }
    for (const key of [...roots.emotions.keys()]) {
      if (key.endsWith(`:${laneId}`)) roots.emotions.delete(key);
    }
    return true;
  });
}

// ── Cards ───────────────────────────────────────────────────────────────────

/** Text as the board keeps it (bounds.ts): a paste is cut, not refused. */
const withinCardLimit = (text: string): string => boundedText(text, CARD_TEXT_MAX);
const titleText = (text: string): string => boundedText(text, BOARD_TEXT_LIMITS.title);
const noteText = (text: string): string => boundedText(text, BOARD_TEXT_LIMITS.emotionNote);

export function addCard(
  doc: Y.Doc,
  input: {
    stageId: string;
    laneId: string;
    text?: string;
    index?: number;
    fields?: Partial<CardFields>;
    /**
     * The card's id, when it has one already (a silent brainstorm's private
     * card keeps its id on the board). A card with this id already on the
     * board is left as it is: adding it again changes nothing.
     */
    id?: string;
  },
): string | null {
  return change(doc, (roots) => {
    if (!roots.stages.has(input.stageId) || !roots.lanes.has(input.laneId)) return null;
    if (input.id !== undefined && roots.cards.has(input.id)) return input.id;
    const siblings = sortedCellCards(roots, input.stageId, input.laneId);
    const id = input.id ?? createId();
    const card = new Y.Map<unknown>();
    card.set('text', new Y.Text(withinCardLimit(input.text ?? '')));
    card.set('position', {
      stageId: input.stageId,
      laneId: input.laneId,
      order: keyForIndex(siblings, clampIndex(input.index, siblings.length)),
    });
    roots.cards.set(id, card);
    // After set: a Y.Map can only be read once it is part of the document.
    if (input.fields) writeCardFields(card, input.fields);
    return id;
  });
}

/** Writes the valid, changed fields of `patch`; returns whether anything was written. */
function writeCardFields(card: YCard, patch: Partial<CardFields>): boolean {
  let wrote = false;
  for (const name of CARD_FIELD_NAMES) {
    if (!(name in patch)) continue;
    const value = normalizeCardField(name, patch[name]);
    if (value === undefined || card.get(name) === value) continue;
    card.set(name, value);
    wrote = true;
  }
  return wrote;
}

/**
 * Sets some of a card's fields (channel, severity, colour, …). Invalid values
 * are ignored; each field is its own key, so a collaborator setting another
 * field of the same card at the same time keeps theirs.
 */
export function updateCard(doc: Y.Doc, cardId: string, patch: Partial<CardFields>): boolean {
  return change(doc, ({ cards }) => {
    const card = cards.get(cardId);
    if (!card) return false;
    writeCardFields(card, patch);
    return true;
  });
}

/**
 * Saves an editor's text: applies only the change from `base` (the text when
 * the editor opened) to `next`, on top of the card's text as it is now. A
 * collaborator's edit made meanwhile is kept rather than overwritten.
 */
export function editCardText(doc: Y.Doc, cardId: string, base: string, next: string): boolean {
  return change(doc, ({ cards }) => {
    const value = cards.get(cardId)?.get('text');
    if (!(value instanceof Y.Text)) return false;
    applyTextEdit(value, base, withinCardLimit(next));
    return true;
  });
}

/** Copies a card (text and fields) right below the original. Returns the copy's id (`id`, if given). */
export function duplicateCard(doc: Y.Doc, cardId: string, id = createId()): string | null {
  return change(doc, (roots) => {
    const source = roots.cards.get(cardId);
    const position = source ? readCardPosition(source) : null;
    if (!source || !position) return null;
    const siblings = sortedCellCards(roots, position.stageId, position.laneId);
    const index = siblings.findIndex((sibling) => sibling.id === cardId) + 1;
    const copy = new Y.Map<unknown>();
    const text = source.get('text');
    copy.set('text', new Y.Text(text instanceof Y.Text ? text.toJSON() : ''));
    copy.set('position', { ...position, order: keyForIndex(siblings, index) });
    for (const name of CARD_FIELD_NAMES) {
      const value = source.get(name);
      if (value !== undefined) copy.set(name, value);
    }
    roots.cards.set(id, copy);
    return id;
  });
}

/**
 * Where a card put back goes (`putBackCard`): its own cell while its stage
 * and lane exist; else the first stage, and a lane of its kind (else the
 * first lane). Stages and lanes in board order. Null on a board without
 * either. Pure, so a notice can say where before anyone presses it.
 */
export function putBackPlace(
  stages: readonly { readonly id: string }[],
  lanes: readonly { readonly id: string; readonly kind: string }[],
  card: { readonly stageId: string; readonly laneId: string },
  laneKind?: string,
): { stageId: string; laneId: string } | null {
  const stageId = stages.some((stage) => stage.id === card.stageId) ? card.stageId : stages[0]?.id;
  const laneId = lanes.some((lane) => lane.id === card.laneId)
    ? card.laneId
    : (lanes.find((lane) => lane.kind === laneKind) ?? lanes[0])?.id;
  return stageId === undefined || laneId === undefined ? null : { stageId, laneId };
}

/**
 * Puts a deleted card back as it was: its id (so comments on it find it
 * again), text, fields and rank in its cell. When its stage is gone too, it
 * goes to the first stage; when its lane is gone, to the first lane of
 * `laneKind` (the kind its lane had), else the first lane. A card that is
 * there but not shown (added to a stage or lane deleted concurrently) is put
 * back the same way. Returns the cell it went to; null when the card is on
 * the board already or there is no cell.
 */
export function putBackCard(
  doc: Y.Doc,
  card: Card,
  laneKind?: LaneKind,
): { stageId: string; laneId: string } | null {
  return change(doc, (roots) => {
    const there = roots.cards.get(card.id);
    const now = there && readCardPosition(there);
    if (now && roots.stages.has(now.stageId) && roots.lanes.has(now.laneId)) return null;
    const place = putBackPlace(
      sortedEntries(roots.stages),
      sortedEntries(roots.lanes).map(({ id }) => ({
        id,
        kind: readString(roots.lanes.get(id)!, 'kind'),
      })),
      card,
      laneKind,
    );
    if (!place) return null;
    const { stageId, laneId } = place;
    const restored = new Y.Map<unknown>();
    restored.set('text', new Y.Text(withinCardLimit(card.text)));
    // Its own order key, not a new one: cards put back one after another (a
    // reconnect's list) keep their order among themselves and among the
    // cards that kept theirs. An equal key is broken by id, as everywhere.
    restored.set('position', { stageId, laneId, order: card.order });
    roots.cards.set(card.id, restored);
    writeCardFields(restored, card);
    return { stageId, laneId };
  });
}

export function setCardText(doc: Y.Doc, cardId: string, text: string): boolean {
  return change(doc, ({ cards }) => {
    const value = cards.get(cardId)?.get('text');
    if (!(value instanceof Y.Text)) return false;
    applyTextChange(value, withinCardLimit(text));
    return true;
  });
}

/** Moves a card to `index` within the cell (stageId, laneId); the default is the end. */
export function moveCard(
  doc: Y.Doc,
  cardId: string,
  to: { stageId: string; laneId: string; index?: number },
): boolean {
  return change(doc, (roots) => {
    const card: YCard | undefined = roots.cards.get(cardId);
    if (!card || !roots.stages.has(to.stageId) || !roots.lanes.has(to.laneId)) return false;
    const siblings = sortedCellCards(roots, to.stageId, to.laneId, cardId);
    const order = keyForIndex(siblings, clampIndex(to.index, siblings.length));
    card.set('position', { stageId: to.stageId, laneId: to.laneId, order });
    return true;
  });
}

/**
 * Moves several cards into one cell as a block at `index` (counted without
 * them), keeping their order relative to one another as given. Cards that no
 * longer exist are skipped. Returns how many moved.
 */
export function moveCards(
  doc: Y.Doc,
  cardIds: readonly string[],
  to: { stageId: string; laneId: string; index?: number },
): number {
  return change(doc, (roots) => {
    if (!roots.stages.has(to.stageId) || !roots.lanes.has(to.laneId)) return 0;
    const moving = [...new Set(cardIds)].filter((id) => roots.cards.has(id));
    const staying = sortedCellCards(roots, to.stageId, to.laneId).filter(
      (card) => !moving.includes(card.id),
    );
    const at = clampIndex(to.index, staying.length);
    let before = at > 0 ? (staying[at - 1]?.order ?? null) : null;
    const after = at < staying.length ? (staying[at]?.order ?? null) : null;
    for (const id of moving) {
      const order = keyBetween(before, after);
      roots.cards.get(id)?.set('position', { stageId: to.stageId, laneId: to.laneId, order });
      before = order;
    }
    return moving.length;
  });
}

export function deleteCard(doc: Y.Doc, cardId: string): boolean {
  return change(doc, ({ cards }) => {
    if (!cards.has(cardId)) return false;
    cards.delete(cardId);
    return true;
  });
}

/**
 * Deletes a card only while nothing is written in it: a new card its writer
 * can no longer finish (their access ended). False when it has text or is gone.
 */
export function deleteCardIfEmpty(doc: Y.Doc, cardId: string): boolean {
  return change(doc, ({ cards }) => {
    const card = cards.get(cardId);
    if (!card || readCardText(card).trim() !== '') return false;
    cards.delete(cardId);
    return true;
  });
}

/** Deletes several cards in one undoable step; returns how many existed. */
export function deleteCards(doc: Y.Doc, cardIds: readonly string[]): number {
  return change(doc, ({ cards }) => {
    let deleted = 0;
    for (const id of new Set(cardIds)) {
      if (!cards.has(id)) continue;
      cards.delete(id);
      deleted++;
    }
    return deleted;
  });
}

// ── Emotions ────────────────────────────────────────────────────────────────

/** Sets the emotion score (−2…+2, rounded) of a stage in an emotion lane. */
export function setEmotion(
  doc: Y.Doc,
  input: { stageId: string; laneId: string; score: number; note?: string },
): boolean {
  return change(doc, (roots) => {
    if (!roots.stages.has(input.stageId) || !roots.lanes.has(input.laneId)) return false;
    if (!Number.isFinite(input.score)) return false;
    const score = Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, Math.round(input.score)));
    const key = cellKey(input.stageId, input.laneId);
    const previous = roots.emotions.get(key) as { note?: unknown } | undefined;
    const note =
      input.note === undefined
        ? typeof previous?.note === 'string'
          ? previous.note
          : ''
        : noteText(input.note);
    roots.emotions.set(key, { score, note });
    return true;
  });
}

/**
 * Sets the scores of several stages of one emotion lane in ONE transaction
 * (one undo step): "adopt the room's mean as the curve". Each score is
 * rounded and clamped like `setEmotion`; notes are kept; stages not on the
 * board are skipped. Returns how many points changed.
 */
export function setEmotionCurve(
  doc: Y.Doc,
  input: { laneId: string; scores: readonly { stageId: string; score: number }[] },
): number {
  return change(doc, (roots) => {
    if (!roots.lanes.has(input.laneId)) return 0;
    let changed = 0;
    for (const { stageId, score: raw } of input.scores) {
      if (!roots.stages.has(stageId) || !Number.isFinite(raw)) continue;
      const score = Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, Math.round(raw)));
      const key = cellKey(stageId, input.laneId);
      const previous = roots.emotions.get(key) as { score?: unknown; note?: unknown } | undefined;
      if (previous?.score === score) continue;
      const note = typeof previous?.note === 'string' ? previous.note : '';
      roots.emotions.set(key, { score, note });
      changed++;
    }
    return changed;
  });
}

/** Sets the note of an existing emotion point (a point without a score has no note). */
export function setEmotionNote(
  doc: Y.Doc,
  input: { stageId: string; laneId: string; note: string },
): boolean {
  return change(doc, ({ emotions }) => {
    const key = cellKey(input.stageId, input.laneId);
    const previous = emotions.get(key) as { score?: unknown; note?: unknown } | undefined;
    if (typeof previous?.score !== 'number') return false;
    const note = noteText(input.note);
    if (previous.note !== note) emotions.set(key, { score: previous.score, note });
    return true;
  });
}

export function clearEmotion(doc: Y.Doc, input: { stageId: string; laneId: string }): boolean {
  return change(doc, ({ emotions }) => {
    const key = cellKey(input.stageId, input.laneId);
    if (!emotions.has(key)) return false;
    emotions.delete(key);
    return true;
  });
}
