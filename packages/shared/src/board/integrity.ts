import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { CARD_FIELD_NAMES, normalizeCardField } from './card-fields.ts';
import { isLaneKind } from './lane-kinds/index.ts';
import { BOARD_SCHEMA_VERSION, boardRoots, readCardPosition, type BoardRoots } from './doc.ts';
import { keyBetween } from './order.ts';
import { EMOTION_MAX, EMOTION_MIN } from './types.ts';

/**
 * The origin of repair transactions. Not LOCAL_ORIGIN: a repair is not the
 * person's own edit, so it never enters their undo stack.
 */
export const REPAIR_ORIGIN = Symbol('journeyboard/repair');

export type BoardInspection =
  | { readonly status: 'ok' }
  | { readonly status: 'repairable'; readonly problems: readonly string[] }
  | { readonly status: 'fatal'; readonly message: string };

interface Problem {
  readonly message: string;
  readonly fix: () => void;
}

const isValidOrderKey = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  try {
    generateKeyBetween(value, null);
    return true;
  } catch {
    return false;
  }
};

/** The board's roots, or a reason why this document cannot be a board at all. */
function readRoots(doc: Y.Doc): BoardRoots | string {
  try {
    const roots = boardRoots(doc);
    return Object.values(roots).every((root) => root instanceof Y.Map)
      ? roots
      : 'This map’s data is not a journey board.';
  } catch {
    // getMap throws when a root was created with another type.
    return 'This map’s data is not a journey board (its parts have the wrong types).';
  }
}

function collect(doc: Y.Doc): { fatal: string } | { problems: Problem[] } {
  const roots = readRoots(doc);
  if (typeof roots === 'string') return { fatal: roots };
  const { meta, stages, lanes, cards, emotions } = roots;
  const version = meta.get('schemaVersion');
  if (typeof version === 'number' && version > BOARD_SCHEMA_VERSION) {
    return {
      fatal:
        `This board was saved by a newer version of Journeyboard (board format ${version}; ` +
        `this app reads up to ${BOARD_SCHEMA_VERSION}). Update Journeyboard to open it.`,
    };
  }

  const problems: Problem[] = [];
  const add = (message: string, fix: () => void) => problems.push({ message, fix });

  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    add('The board had no format version; it is read as format 1 and upgraded.', () =>
      meta.set('schemaVersion', BOARD_SCHEMA_VERSION),
    );
  } else if (version < BOARD_SCHEMA_VERSION) {
    add(`Board format ${version} was upgraded to ${BOARD_SCHEMA_VERSION}.`, () =>
      meta.set('schemaVersion', BOARD_SCHEMA_VERSION),
    );
  }

  // Stages and lanes share their shape checks.
  const checkOrdered = (
    container: Y.Map<Y.Map<unknown>>,
    noun: 'stage' | 'lane',
    defaults: Record<string, (value: unknown) => unknown>,
  ) => {
    let lastOrder: string | null = null;
    container.forEach((item, id) => {
      if (!(item instanceof Y.Map)) {
        add(`A ${noun} that could not be read was removed.`, () => container.delete(id));
        return;
      }
      if (!isValidOrderKey(item.get('order'))) {
        add(`A ${noun} without a valid position was moved to the end.`, () => {
          lastOrder = keyBetween(lastOrder ?? maxOrder(container), null);
          item.set('order', lastOrder);
        });
      }
      for (const [key, repair] of Object.entries(defaults)) {
        const value = item.get(key);
        const fixed = repair(value);
        if (fixed !== value) {
          add(`A ${noun}’s ${key} was missing or invalid and was reset.`, () =>
            item.set(key, fixed),
          );
        }
      }
    });
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const flag = (value: unknown) => (typeof value === 'boolean' ? value : false);
  checkOrdered(stages, 'stage', {
    title: text,
    description: text,
    momentOfTruth: flag,
  });
  checkOrdered(lanes, 'lane', {
    title: text,
    kind: (value) => (isLaneKind(value) ? value : 'notes'),
    collapsed: flag,
  });

  cards.forEach((card, id) => {
    if (!(card instanceof Y.Map)) {
      add('A card that could not be read was removed.', () => cards.delete(id));
      return;
    }
    const position = readCardPosition(card);
    if (!position || !isValidOrderKey(position.order)) {
      add('A card without a valid place on the board was removed.', () => cards.delete(id));
      return;
    }
    if (!stages.has(position.stageId) || !lanes.has(position.laneId)) {
      // Someone moved it into a stage or lane that someone else deleted at the same time.
      add('A card left in a deleted stage or lane was removed.', () => cards.delete(id));
      return;
    }
    const value = card.get('text');
    if (!(value instanceof Y.Text)) {
      add('A card’s text could not be read and was restored as plain text.', () =>
        card.set('text', new Y.Text(typeof value === 'string' ? value : '')),
      );
    }
    for (const name of CARD_FIELD_NAMES) {
      const raw = card.get(name);
      if (raw !== undefined && normalizeCardField(name, raw) !== raw) {
        add(`A card’s ${name} was invalid and was reset.`, () => card.delete(name));
      }
    }
  });

  emotions.forEach((value, key) => {
    const [stageId, laneId, extra] = key.split(':');
    const raw = value as { score?: unknown; note?: unknown } | null;
    const valid =
      stageId !== undefined &&
      laneId !== undefined &&
      extra === undefined &&
      stages.has(stageId) &&
      lanes.has(laneId) &&
      typeof raw === 'object' &&
      raw !== null &&
      typeof raw.score === 'number' &&
      Number.isFinite(raw.score);
    if (!valid) {
      add('An emotion score that could not be placed was removed.', () => emotions.delete(key));
      return;
    }
    const score = Math.round(Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, raw.score as number)));
    const note = typeof raw.note === 'string' ? raw.note : '';
    if (score !== raw.score || note !== raw.note) {
      add('An emotion score outside −2…+2 was corrected.', () =>
        emotions.set(key, { score, note }),
      );
    }
  });
  return { problems };
}

function maxOrder(container: Y.Map<Y.Map<unknown>>): string | null {
  let max: string | null = null;
  container.forEach((item) => {
    const order = item instanceof Y.Map ? item.get('order') : undefined;
    if (isValidOrderKey(order) && (max === null || order > max)) max = order;
  });
  return max;
}

/** "3× A card’s channel was invalid…" — one line per kind of problem. */
function summarise(problems: readonly Problem[]): string[] {
  const counts = new Map<string, number>();
  for (const { message } of problems) counts.set(message, (counts.get(message) ?? 0) + 1);
  return [...counts].map(([message, count]) => (count > 1 ? `${count}× ${message}` : message));
}

/**
 * Checks a synced board document before it is shown: `ok`, `repairable`
 * (older format or damaged entries that repairBoard fixes), or `fatal` (not a
 * board, or written by a newer Journeyboard) with a message for the person.
 */
export function inspectBoard(doc: Y.Doc): BoardInspection {
  const result = collect(doc);
  if ('fatal' in result) return { status: 'fatal', message: result.fatal };
  return result.problems.length === 0
    ? { status: 'ok' }
    : { status: 'repairable', problems: summarise(result.problems) };
}

/**
 * Upgrades and repairs the document in one transaction with REPAIR_ORIGIN.
 * Safe to run on several clients at once: every fix writes the same value.
 * Returns what was fixed (empty when nothing was wrong); throws nothing for a
 * fatal document, which it leaves untouched.
 */
export function repairBoard(doc: Y.Doc): readonly string[] {
  const result = collect(doc);
  if ('fatal' in result || result.problems.length === 0) return [];
  doc.transact(() => {
    for (const problem of result.problems) problem.fix();
  }, REPAIR_ORIGIN);
  return summarise(result.problems);
}
