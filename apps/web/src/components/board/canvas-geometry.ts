/**
 * The canvas' arithmetic, free of the DOM so it can be tested on its own:
 * zoom limits, the zoom below which cards turn compact (semantic zoom), how
 * much the sticky titles are scaled back up, the fit search and zooming
 * around a point.
 */
import { ZOOM_MAX, ZOOM_MIN } from '../../state/ui-store.ts';

export { ZOOM_MAX, ZOOM_MIN };

/** Text smaller than this on screen is no longer read, only seen. */
export const READABLE_TEXT_PX = 9;
/** A card's text size at 100 % (card.css `.card__text`). */
export const CARD_TEXT_PX = 13.5;
/**
 * Below this zoom a card's text would be smaller than READABLE_TEXT_PX: cards
 * then show their compact form (first line, kind colour, key chip) at a
 * readable size instead of shrinking.
 */
export const COMPACT_BELOW = READABLE_TEXT_PX / CARD_TEXT_PX;

/** Whether cards show their compact form at this zoom. */
export const isCompactZoom = (zoom: number): boolean => zoom < COMPACT_BELOW;

/**
 * Stage and lane titles are never drawn smaller than this share of their
 * size: below it they are scaled back up independently of the grid.
 */
export const TITLE_MIN_SCALE = 0.85;

/** The extra zoom of the sticky titles (stage headers, lane titles) at a board zoom. */
export const chromeZoom = (zoom: number): number =>
  zoom >= TITLE_MIN_SCALE ? 1 : Math.round((TITLE_MIN_SCALE / zoom) * 1000) / 1000;

/** Zoom levels are kept to whole per cent. */
export const roundZoom = (zoom: number): number => Math.round(zoom * 100) / 100;
const floorZoom = (zoom: number): number => Math.floor(zoom * 100 + 1e-6) / 100;

export const clampZoom = (zoom: number, min = ZOOM_MIN, max = ZOOM_MAX): number =>
  Math.min(max, Math.max(min, zoom));

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface FitOptions {
  /** The largest zoom a fit may choose (fitting never enlarges past 100 % by default). */
  readonly max?: number;
  readonly min?: number;
  /** Only the width has to fit (fit width). */
  readonly widthOnly?: boolean;
}

/**
 * The largest zoom (in whole per cent) at which the board fits `available`.
 *
 * The board's size on screen is not proportional to the zoom: its titles are
 * scaled back up below TITLE_MIN_SCALE and its cards change form below
 * COMPACT_BELOW, so a compact board can fit at a zoom where the full cards
 * would not. So this measures (`measure(zoom)` lays the board out at that
 * zoom and returns its size on screen) and keeps the largest zoom seen to
 * fit and the smallest seen not to: each step guesses proportionally and
 * bisects when the guess leaves that bracket or hardly moves. A handful of layouts.
 */
export function searchFitZoom(
  measure: (zoom: number) => Size,
  available: Size,
  { max = 1, min = ZOOM_MIN, widthOnly = false }: FitOptions = {},
): number {
  const fits = (size: Size) =>
    size.width <= available.width + 0.5 && (widthOnly || size.height <= available.height + 0.5);
  const ratioOf = (size: Size) =>
    widthOnly
      ? available.width / size.width
      : Math.min(available.width / size.width, available.height / size.height);
  let fitting = -Infinity; // largest zoom known to fit
  let tooBig = Infinity; // smallest zoom known not to fit
  let zoom = max;
  for (let step = 0; step < 12; step++) {
    const size = measure(zoom);
    if (fits(size)) fitting = Math.max(fitting, zoom);
    else tooBig = Math.min(tooBig, zoom);
    if (fitting >= max || tooBig <= min) break;
    if (tooBig - fitting <= 0.0101) break;
    let next = floorZoom(clampZoom(zoom * ratioOf(size), min, max));
    const low = Number.isFinite(fitting) ? fitting : min;
    const high = Number.isFinite(tooBig) ? tooBig : max;
    // Bisect when the guess leaves the bracket, or creeps: where the size hardly changes
    // with the zoom (a height set by the titles), a proportional guess moves by a per cent.
    if (!(next > fitting && next < tooBig) || Math.abs(next - zoom) < (high - low) / 8) {
      next = floorZoom((low + high) / 2);
    }
    if (next === zoom || next <= fitting || next >= tooBig) break;
    zoom = next;
  }
  return Number.isFinite(fitting) ? fitting : min;
}

/**
 * What "fit" shows: the whole board with full cards if they fit at a zoom
 * where their text is readable; else the overview — compact cards (their
 * first line, at a readable size) at the largest zoom where the compact board
 * fits, which may be above COMPACT_BELOW, so the overview fills the screen
 * rather than floating small in its middle.
 *
 * The titles keep a readable size at any zoom, so a board with many lanes can
 * be taller than the view however far it zooms out. Its height is then out of
 * reach, and the overview fits its width with rows hardly taller than their
 * titles make them (it scrolls about the least it can) — rather than the smallest
 * zoom, a strip of the screen's width that still scrolls.
 */
export function fitBoard(
  measure: (zoom: number, compact: boolean) => Size,
  available: Size,
  options: FitOptions = {},
): { zoom: number; compact: boolean } {
  const full = searchFitZoom((zoom) => measure(zoom, false), available, options);
  if (!isCompactZoom(full)) return { zoom: full, compact: false };
  // A row's padding and borders still grow a little with the zoom: 2 % of slack.
  const shortest = measure(options.min ?? ZOOM_MIN, true).height * 1.02;
  const reachable = { width: available.width, height: Math.max(available.height, shortest) };
  const overview = searchFitZoom((zoom) => measure(zoom, true), reachable, options);
  return { zoom: Math.max(full, overview), compact: true };
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Zooming around a point: the board point under `pointer` stays under it.
 * `origin` is where the board's scaled content starts on screen (its top-left
 * past the sticky titles) at `zoom`; the result is where that origin has to
 * be at `nextZoom`.
 */
export function originAfterZoom(
  pointer: Point,
  origin: Point,
  zoom: number,
  nextZoom: number,
): Point {
  const scale = nextZoom / zoom;
  return {
    x: pointer.x - (pointer.x - origin.x) * scale,
    y: pointer.y - (pointer.y - origin.y) * scale,
  };
}

/**
 * The zoom after one wheel event with Ctrl/⌘ (or a trackpad pinch, which
 * browsers send as a wheel event with ctrlKey): exponential, so a pinch feels
 * even, with one notch of a mouse wheel capped to about ±25 %.
 */
export function zoomForWheel(zoom: number, deltaY: number, deltaMode = 0): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const capped = Math.max(-40, Math.min(40, pixels));
  return clampZoom(zoom * Math.exp(-capped * 0.006));
}

/**
 * The zoom at which an area of the board (board coordinates, i.e. at 100 %)
 * fits a view: how a follower sees what the person they follow sees, whatever
 * the two screens' sizes. To the nearest whole per cent: the area arrives in
 * whole pixels, so on a screen like the sender's it gives back the sender's zoom.
 */
export function zoomToShow(area: Size, view: Size): number {
  if (area.width <= 0 || area.height <= 0) return 1;
  return clampZoom(roundZoom(Math.min(view.width / area.width, view.height / area.height)));
}

/** Scroll offsets that centre `target` (a box in content coordinates) in a viewport. */
export function centredScroll(
  target: { left: number; top: number; width: number; height: number },
  viewport: Size,
): Point {
  return {
    x: Math.max(0, target.left + target.width / 2 - viewport.width / 2),
    y: Math.max(0, target.top + target.height / 2 - viewport.height / 2),
  };
}
