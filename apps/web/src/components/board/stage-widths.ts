import { createContext, useContext } from 'react';
import type { BoardSnapshot, Stage } from '../../board/use-board.ts';
import { STAGE_COLUMN_WIDTH } from './layout.ts';

/** What a person may resize a stage column to. */
export const STAGE_WIDTH_MIN = 160;
export const STAGE_WIDTH_MAX = 520;
/** What a column adapts to on its own, from its title and cards. */
export const AUTO_WIDTH_MIN = 200;
export const AUTO_WIDTH_MAX = 320;
/** Auto widths move in steps, so typing in a card does not nudge its column. */
const AUTO_WIDTH_STEP = 20;

const TITLE_CHAR_PX = 8.4; // 14 px semibold
const CARD_CHAR_PX = 7; // 13.5 px regular
const TITLE_CHROME_PX = 28; // the header's padding
const CARD_CHROME_PX = 56; // the cell's and card's padding, the card's tools
/** A card may take this many lines before its column grows. */
const CARD_LINES = 4;

export const clampStageWidth = (width: number): number =>
  Math.round(Math.min(STAGE_WIDTH_MAX, Math.max(STAGE_WIDTH_MIN, width)));

/**
 * The width a stage's column adapts to: room for the longest word of its
 * title on one line and the whole title on two, and for its longest card in
 * about four lines — between AUTO_WIDTH_MIN and AUTO_WIDTH_MAX, in steps of
 * 20 px. An estimate from character counts (no text measuring), so every
 * person's board agrees.
 */
export function autoStageWidth(title: string, cardTexts: Iterable<string>): number {
  const words = title.trim().split(/\s+/);
  const longestWord = Math.max(0, ...words.map((word) => word.length));
  const titleNeed =
    Math.max(longestWord * TITLE_CHAR_PX, (title.trim().length * TITLE_CHAR_PX) / 2) +
    TITLE_CHROME_PX;
  let longestCard = 0;
  for (const text of cardTexts) longestCard = Math.max(longestCard, text.trim().length);
  const cardNeed = (longestCard * CARD_CHAR_PX) / CARD_LINES + CARD_CHROME_PX;
  const need = Math.max(titleNeed, cardNeed, AUTO_WIDTH_MIN);
  const stepped = Math.ceil(need / AUTO_WIDTH_STEP) * AUTO_WIDTH_STEP;
  return Math.min(AUTO_WIDTH_MAX, Math.max(AUTO_WIDTH_MIN, stepped));
}

const widthsKeys = new WeakMap<BoardSnapshot, string>();

/**
 * Every stage's auto width as one string (`id:width,…`), so a component that
 * selects it re-renders only when a width changes. Once per snapshot: it
 * walks every card, and a store subscriber asks on each render and change.
 */
export function autoStageWidthsKey(board: BoardSnapshot): string {
  let key = widthsKeys.get(board);
  if (key === undefined) {
    key = computeWidthsKey(board);
    widthsKeys.set(board, key);
  }
  return key;
}

function computeWidthsKey(board: BoardSnapshot): string {
  const texts = new Map<string, string[]>();
  for (const card of board.cards.values()) {
    const list = texts.get(card.stageId);
    if (list) list.push(card.text);
    else texts.set(card.stageId, [card.text]);
  }
  return board.stages
    .map((stage) => `${stage.id}:${autoStageWidth(stage.title, texts.get(stage.id) ?? [])}`)
    .join(',');
}

export function parseWidthsKey(key: string): ReadonlyMap<string, number> {
  const widths = new Map<string, number>();
  if (key === '') return widths;
  for (const entry of key.split(',')) {
    const at = entry.lastIndexOf(':');
    widths.set(entry.slice(0, at), Number(entry.slice(at + 1)));
  }
  return widths;
}

/** The CSS custom property that holds a stage's column width (set on the board). */
export const stageWidthVar = (stageId: string): string =>
  `--stage-w-${stageId.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

/** A column's width in CSS: its own variable, else the default width. */
export const stageWidthCss = (stageId: string): string =>
  `var(${stageWidthVar(stageId)}, var(--stage-width))`;

export interface StageWidths {
  /** Width in board pixels (zoom 1) of a stage's column. */
  widthOf: (stageId: string) => number;
  /** Whether the person set this width (else it adapts to the content). */
  isCustom: (stageId: string) => boolean;
  /** A person's width for a column (kept on this device); null returns it to its auto width. */
  setWidth: ((stageId: string, width: number | null) => void) | null;
}

export const DEFAULT_STAGE_WIDTHS: StageWidths = {
  widthOf: () => STAGE_COLUMN_WIDTH,
  isCustom: () => false,
  setWidth: null,
};

export const StageWidthsContext = createContext<StageWidths>(DEFAULT_STAGE_WIDTHS);

export const useStageWidths = (): StageWidths => useContext(StageWidthsContext);

/** Left edges and widths of the columns, in board pixels from the first stage. */
export function columnSpans(
  stages: readonly Stage[],
  widthOf: (stageId: string) => number,
): { left: number; width: number }[] {
  let left = 0;
  return stages.map((stage) => {
    const width = widthOf(stage.id);
    const span = { left, width };
    left += width;
    return span;
  });
}
