/**
 * What changed between two board snapshots, card by card.
 *
 * Pure, over the typed board model (BoardSnapshot), never raw Yjs: the same
 * function compares two versions, "since my last visit", a restore preview
 * and a current-state map with its future-state copy. Every net change
 * between `before` and `after` appears exactly once; what happened in between
 * (a card added and removed again, a text typed and deleted) does not.
 *
 * A card's move is a change of cell (stage or lane); a reorder within one
 * cell is not reported. A stage or lane "reordered" is one whose own order
 * key changed — moving one stage changes only that stage's key, so the
 * stages it jumped over are not reported as moved.
 */
import { CARD_FIELD_NAMES } from './card-fields.ts';
import {
  cellKey,
  type BoardSnapshot,
  type Card,
  type CardFields,
  type EmotionPoint,
  type Lane,
  type Stage,
} from './types.ts';

export interface CellRef {
  readonly stageId: string;
  readonly laneId: string;
}

export type CardFieldName = keyof CardFields;
export type CardFieldValue = CardFields[CardFieldName];

export type BoardChange =
  | { readonly kind: 'card.added'; readonly cardId: string; readonly card: Card }
  | { readonly kind: 'card.removed'; readonly cardId: string; readonly card: Card }
  | {
      readonly kind: 'card.moved';
      readonly cardId: string;
      readonly text: string;
      readonly from: CellRef;
      readonly to: CellRef;
    }
  | {
      readonly kind: 'card.text';
      readonly cardId: string;
      readonly cell: CellRef;
      readonly from: string;
      readonly to: string;
    }
  | {
      readonly kind: 'card.field';
      readonly cardId: string;
      readonly cell: CellRef;
      readonly text: string;
      readonly field: CardFieldName;
      readonly from: CardFieldValue;
      readonly to: CardFieldValue;
    }
  | { readonly kind: 'stage.added'; readonly stageId: string; readonly stage: Stage }
  | { readonly kind: 'stage.removed'; readonly stageId: string; readonly stage: Stage }
  | {
      readonly kind: 'stage.renamed';
      readonly stageId: string;
      readonly from: string;
      readonly to: string;
    }
  | {
      readonly kind: 'stage.reordered';
      readonly stageId: string;
      readonly title: string;
      readonly fromIndex: number;
      readonly toIndex: number;
    }
  | {
      readonly kind: 'stage.changed';
      readonly stageId: string;
      readonly title: string;
      readonly field: 'description' | 'momentOfTruth';
      readonly from: string | boolean;
      readonly to: string | boolean;
    }
  | { readonly kind: 'lane.added'; readonly laneId: string; readonly lane: Lane }
  | { readonly kind: 'lane.removed'; readonly laneId: string; readonly lane: Lane }
  | {
      readonly kind: 'lane.renamed';
      readonly laneId: string;
      readonly from: string;
      readonly to: string;
    }
  | {
      readonly kind: 'lane.reordered';
      readonly laneId: string;
      readonly title: string;
      readonly fromIndex: number;
      readonly toIndex: number;
    }
  | {
      readonly kind: 'emotion.changed';
      readonly stageId: string;
      readonly laneId: string;
      /** null: no score there. */
      readonly from: { readonly score: number; readonly note: string } | null;
      readonly to: { readonly score: number; readonly note: string } | null;
    };

export type BoardChangeKind = BoardChange['kind'];

/** Stages, then lanes, then cards, then emotions: the order a reader scans a list in. */
export function diffBoards(before: BoardSnapshot, after: BoardSnapshot): BoardChange[] {
  return [
    ...diffStages(before.stages, after.stages),
    ...diffLanes(before.lanes, after.lanes),
    ...diffCards(before.cards, after.cards),
    ...diffEmotions(before.emotions, after.emotions),
  ];
}

function byId<T extends { id: string }>(
  items: readonly T[],
): Map<string, { item: T; index: number }> {
  return new Map(items.map((item, index) => [item.id, { item, index }]));
}

function diffStages(before: readonly Stage[], after: readonly Stage[]): BoardChange[] {
  const changes: BoardChange[] = [];
  const old = byId(before);
  const now = byId(after);
  for (const [stageId, { item: stage }] of now) {
    const previous = old.get(stageId);
    if (!previous) {
      changes.push({ kind: 'stage.added', stageId, stage });
      continue;
    }
    const was = previous.item;
    if (was.title !== stage.title) {
      changes.push({ kind: 'stage.renamed', stageId, from: was.title, to: stage.title });
    }
    if (was.order !== stage.order) {
      changes.push({
        kind: 'stage.reordered',
        stageId,
        title: stage.title,
        fromIndex: previous.index,
        toIndex: now.get(stageId)!.index,
      });
    }
    for (const field of ['description', 'momentOfTruth'] as const) {
      if (was[field] !== stage[field]) {
        changes.push({
          kind: 'stage.changed',
          stageId,
          title: stage.title,
          field,
          from: was[field],
          to: stage[field],
        });
      }
    }
  }
  for (const [stageId, { item: stage }] of old) {
    if (!now.has(stageId)) changes.push({ kind: 'stage.removed', stageId, stage });
  }
  return changes;
}

function diffLanes(before: readonly Lane[], after: readonly Lane[]): BoardChange[] {
  const changes: BoardChange[] = [];
  const old = byId(before);
  const now = byId(after);
  for (const [laneId, { item: lane, index }] of now) {
    const previous = old.get(laneId);
    if (!previous) {
      changes.push({ kind: 'lane.added', laneId, lane });
      continue;
    }
    if (previous.item.title !== lane.title) {
      changes.push({ kind: 'lane.renamed', laneId, from: previous.item.title, to: lane.title });
    }
    if (previous.item.order !== lane.order) {
      changes.push({
        kind: 'lane.reordered',
        laneId,
        title: lane.title,
        fromIndex: previous.index,
        toIndex: index,
      });
    }
  }
  for (const [laneId, { item: lane }] of old) {
    if (!now.has(laneId)) changes.push({ kind: 'lane.removed', laneId, lane });
  }
  return changes;
}

function diffCards(
  before: ReadonlyMap<string, Card>,
  after: ReadonlyMap<string, Card>,
): BoardChange[] {
  const changes: BoardChange[] = [];
  for (const [cardId, card] of after) {
    const was = before.get(cardId);
    if (!was) {
      changes.push({ kind: 'card.added', cardId, card });
      continue;
    }
    // Unchanged cards keep their object across snapshots of one document.
    if (was === card) continue;
    const cell = { stageId: card.stageId, laneId: card.laneId };
    if (was.stageId !== card.stageId || was.laneId !== card.laneId) {
      changes.push({
        kind: 'card.moved',
        cardId,
        text: card.text,
        from: { stageId: was.stageId, laneId: was.laneId },
        to: cell,
      });
    }
    if (was.text !== card.text) {
      changes.push({ kind: 'card.text', cardId, cell, from: was.text, to: card.text });
    }
    for (const field of CARD_FIELD_NAMES) {
      if (was[field] !== card[field]) {
        changes.push({
          kind: 'card.field',
          cardId,
          cell,
          text: card.text,
          field,
          from: was[field],
          to: card[field],
        });
      }
    }
  }
  for (const [cardId, card] of before) {
    if (!after.has(cardId)) changes.push({ kind: 'card.removed', cardId, card });
  }
  return changes;
}

function diffEmotions(
  before: ReadonlyMap<string, EmotionPoint>,
  after: ReadonlyMap<string, EmotionPoint>,
): BoardChange[] {
  const changes: BoardChange[] = [];
  const keys = new Set([...before.keys(), ...after.keys()]);
  for (const key of keys) {
    const was = before.get(key);
    const now = after.get(key);
    if (was && now && was.score === now.score && was.note === now.note) continue;
    const point = (now ?? was)!;
    changes.push({
      kind: 'emotion.changed',
      stageId: point.stageId,
      laneId: point.laneId,
      from: was ? { score: was.score, note: was.note } : null,
      to: now ? { score: now.score, note: now.note } : null,
    });
  }
  return changes;
}

/** The stage a change belongs to (for "grouped by stage"); null for lane changes. */
export function changeStageId(change: BoardChange): string | null {
  switch (change.kind) {
    case 'card.added':
    case 'card.removed':
      return change.card.stageId;
    case 'card.moved':
      return change.to.stageId;
    case 'card.text':
    case 'card.field':
      return change.cell.stageId;
    case 'lane.added':
    case 'lane.removed':
    case 'lane.renamed':
    case 'lane.reordered':
      return null;
    default:
      return change.stageId;
  }
}

/** The card a change is about, if any (for highlighting on the board). */
export function changeCardId(change: BoardChange): string | null {
  return change.kind.startsWith('card.') ? (change as { cardId: string }).cardId : null;
}

/** Key of an emotion change's cell, like the snapshot's `emotions` map. */
export const emotionKey = (change: { stageId: string; laneId: string }): string =>
  cellKey(change.stageId, change.laneId);

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * One line for a version list: "3 cards added, 2 edited, 1 moved; 1 stage
 * renamed; 2 emotion scores changed". Empty changes: "No changes".
 */
export function summarizeChanges(changes: readonly BoardChange[]): string {
  const count = (kind: BoardChangeKind) => changes.filter((c) => c.kind === kind).length;
  const edited = new Set(
    changes
      .filter((c) => c.kind === 'card.text' || c.kind === 'card.field')
      .map((c) => changeCardId(c)),
  ).size;
  const parts: string[] = [];
  const cards: string[] = [];
  const added = count('card.added');
  const removed = count('card.removed');
  const moved = count('card.moved');
  if (added) cards.push(`${added} added`);
  if (edited) cards.push(`${edited} edited`);
  if (moved) cards.push(`${moved} moved`);
  if (removed) cards.push(`${removed} removed`);
  if (cards.length > 0) {
    // "3 added, 1 moved" → "3 cards added, 1 moved"
    cards[0] = cards[0]!.replace(
      /^(\d+) /,
      (_, n: string) => `${n} ${n === '1' ? 'card' : 'cards'} `,
    );
    parts.push(cards.join(', '));
  }
  for (const [noun, nouns, prefix] of [
    ['stage', 'stages', 'stage.'],
    ['lane', 'lanes', 'lane.'],
  ] as const) {
    const words: string[] = [];
    for (const verb of ['added', 'renamed', 'reordered', 'removed'] as const) {
      const n = count(`${prefix}${verb}` as BoardChangeKind);
      if (n) words.push(`${plural(n, noun, nouns)} ${verb}`);
    }
    if (noun === 'stage') {
      const n = new Set(
        changes.filter((c) => c.kind === 'stage.changed').map((c) => changeStageId(c)),
      ).size;
      if (n) words.push(`${plural(n, 'stage', 'stages')} edited`);
    }
    if (words.length > 0) parts.push(words.join(', '));
  }
  const emotions = count('emotion.changed');
  if (emotions) parts.push(`${plural(emotions, 'emotion score', 'emotion scores')} changed`);
  return parts.length > 0 ? parts.join('; ') : 'No changes';
}
