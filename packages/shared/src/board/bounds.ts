/**
 * What a board's text may hold, for writes that skip the board's operations:
 * a client on the sync socket writes raw Yjs, and an update cannot be refused
 * with a 400 (guarded-update.ts says why it is applied, not dropped). So the
 * server applies it and, in the same transaction, cuts whatever it wrote
 * past these bounds — the same the API and a map file keep to:
 *
 * - no control characters besides tab and line breaks (api/text.ts): a NUL
 *   reaches Postgres through search and activity, and Postgres refuses it;
 * - at most the lengths a map file takes back (interchange/map-file.ts), so
 *   every board exports and imports again.
 *
 * Only what the transaction touched is read (`transaction.changed`), so an
 * update costs a look at the items it changed, not at the board.
 */
import * as Y from 'yjs';
import { boundedText, controlCharacterRuns } from '../api/text.ts';
import { CARD_FIELD_NAMES, normalizeCardField } from './card-fields.ts';
import { boardRoots, type BoardRoots } from './doc.ts';
import { CARD_FIELD_MAX_LENGTH } from './lane-kinds/define.ts';
import { CARD_TEXT_MAX } from './types.ts';

export { boundedText };

export const BOARD_TEXT_LIMITS = {
  /** A stage's or a lane's title. */
  title: 120,
  /** A stage's description. */
  description: 2000,
  cardText: CARD_TEXT_MAX,
  /** An emotion point's note. */
  emotionNote: CARD_FIELD_MAX_LENGTH,
} as const;

/**
 * Cuts what `transaction` wrote past the bounds, inside it. `beforeWrite` runs
 * once, before the first correction (the caller marks the transaction as its
 * own there). Returns how many values were corrected.
 */
export function keepWithinBounds(transaction: Y.Transaction, beforeWrite: () => void): number {
  const roots = boardRoots(transaction.doc);
  const corrections: (() => void)[] = [];
  const seen = new Set<Y.Map<unknown>>();
  const visit = (item: unknown, check: (item: Y.Map<unknown>) => void) => {
    if (!(item instanceof Y.Map) || seen.has(item)) return;
    seen.add(item);
    check(item);
  };
  const checkItem = {
    stages: (stage: Y.Map<unknown>) => {
      boundString(stage, 'title', BOARD_TEXT_LIMITS.title, corrections);
      boundString(stage, 'description', BOARD_TEXT_LIMITS.description, corrections);
    },
    lanes: (lane: Y.Map<unknown>) =>
      boundString(lane, 'title', BOARD_TEXT_LIMITS.title, corrections),
    cards: (card: Y.Map<unknown>) => checkCardValues(card, corrections),
  };

  for (const [type, keys] of transaction.changed) {
    const root = rootKind(type, roots);
    if (root === 'emotions') {
      for (const key of keys) if (key) checkEmotion(roots, key, corrections);
    } else if (root) {
      // Items added or replaced.
      for (const key of keys) if (key) visit(roots[root].get(key), checkItem[root]);
    } else {
      // A change inside an item (a renamed stage, a card's text typed into).
      const item = type instanceof Y.Text ? type.parent : type;
      const parent = rootKind(item?.parent ?? null, roots);
      if (parent && parent !== 'emotions') visit(item, checkItem[parent]);
    }
  }
  if (corrections.length === 0) return 0;
  beforeWrite();
  for (const correct of corrections) correct();
  return corrections.length;
}

function rootKind(
  type: unknown,
  roots: BoardRoots,
): 'stages' | 'lanes' | 'cards' | 'emotions' | null {
  if (type === roots.stages) return 'stages';
  if (type === roots.lanes) return 'lanes';
  if (type === roots.cards) return 'cards';
  if (type === roots.emotions) return 'emotions';
  return null;
}

function boundString(
  item: Y.Map<unknown>,
  key: string,
  max: number,
  corrections: (() => void)[],
): void {
  const value = item.get(key);
  if (typeof value !== 'string') return;
  const bounded = boundedText(value, max);
  if (bounded !== value) corrections.push(() => item.set(key, bounded));
}

function checkCardValues(card: Y.Map<unknown>, corrections: (() => void)[]): void {
  const text = card.get('text');
  if (text instanceof Y.Text) {
    const value = text.toJSON();
    if (boundedText(value, BOARD_TEXT_LIMITS.cardText) !== value) {
      corrections.push(() => boundYText(text, BOARD_TEXT_LIMITS.cardText));
    }
  }
  for (const name of CARD_FIELD_NAMES) {
    const raw = card.get(name);
    if (typeof raw !== 'string') continue;
    // A text field cut to its length. A choice that isn't one is not a matter
    // of size: it reads as unset, and repairBoard (integrity.ts) clears it.
    const value = normalizeCardField(name, raw);
    if (value === undefined || value === raw) continue;
    corrections.push(() => card.set(name, value));
  }
}

/** Deletes what boundedText would drop, and only that: the rest keeps its identity for concurrent edits. */
function boundYText(text: Y.Text, max: number): void {
  const runs = controlCharacterRuns(text.toJSON());
  for (const { index, length } of runs.reverse()) text.delete(index, length);
  const clean = text.toJSON();
  const bounded = boundedText(clean, max);
  if (bounded.length < clean.length) text.delete(bounded.length, clean.length - bounded.length);
}

function checkEmotion(roots: BoardRoots, key: string, corrections: (() => void)[]): void {
  const raw = roots.emotions.get(key) as { score?: unknown; note?: unknown } | undefined;
  if (typeof raw !== 'object' || raw === null || typeof raw.note !== 'string') return;
  const note = boundedText(raw.note, BOARD_TEXT_LIMITS.emotionNote);
  if (note !== raw.note) corrections.push(() => roots.emotions.set(key, { ...raw, note }));
}
