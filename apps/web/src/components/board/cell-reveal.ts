import { createContext, use, useCallback, useLayoutEffect, useState, type RefObject } from 'react';

/** Boards with more cards than this render their cells progressively; smaller boards at once. */
export const LAZY_REVEAL_THRESHOLD = 300;

/** A card not yet drawn stands in at this height (one or two lines of text, plus the gap below). */
export const ESTIMATED_CARD_HEIGHT = 66;
/** No card is shorter than this (its min-height in card.css, plus the gap below). */
const MIN_CARD_HEIGHT = 56;
/** Cells drawn per idle period once the view is drawn: small enough to keep each task short. */
const CELLS_PER_IDLE = 6;
/**
 * The cards out of view wait this long after the board's first cells are
 * watched: the first frames belong to what the person sees (the board in
 * view, the header's data, the server's sync), not to cards off screen.
 */
const IDLE_START_MS = 400;

type IdleHandle = number;
const requestIdle = (fn: () => void): IdleHandle =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(fn, { timeout: 1500 })
    : window.setTimeout(fn, 50);
const cancelIdle = (handle: IdleHandle) =>
  typeof cancelIdleCallback === 'function'
    ? cancelIdleCallback(handle)
    : window.clearTimeout(handle);

interface Waiting {
  /** How many cards the placeholder stands in for. */
  readonly cards: number;
  /** Draws `count` more of them (Infinity: all). */
  readonly reveal: (count: number) => void;
}

/**
 * Which cards of a large board are drawn yet. Each cell's undrawn cards are
 * one placeholder of about their height. Before the board is first painted
 * (`revealInView`) the cells draw the cards that the view shows — the stage
 * columns on screen, and in a cell that runs past the bottom of the view only
 * the cards down to it — in one pass, not a frame of placeholders first. A
 * placeholder that comes into view later draws its cards at once; the rest
 * draw a few cells at a time when the browser is idle. One
 * IntersectionObserver for the board, rooted at its scroller.
 */
export class CellReveal {
  private readonly waiting = new Map<Element, Waiting>();
  private observer: IntersectionObserver | null = null;
  private idle: IdleHandle | null = null;
  private idleStart: ReturnType<typeof setTimeout> | 'started' | null = null;

  /** `placeholder` stands in for `cards` cards; `reveal` is called when some of them should draw. */
  watch(placeholder: Element, cards: number, reveal: (count: number) => void): () => void {
    if (typeof IntersectionObserver === 'undefined') {
      reveal(Infinity);
      return () => {};
    }
    this.observer ??= new IntersectionObserver(this.onIntersect, {
      root: placeholder.closest('.board-scroll'),
    });
    this.waiting.set(placeholder, { cards, reveal });
    this.observer.observe(placeholder);
    this.scheduleIdle();
    return () => this.forget(placeholder);
  }

  /**
   * Draws the cards in view now. Called in a layout effect once the cells
   * are in the DOM: their state updates render synchronously, before the
   * browser paints. Reads every placeholder's box in one pass (one layout).
   */
  revealInView(): void {
    const [first] = this.waiting.keys();
    if (!first) return;
    const view = first.closest('.board-scroll')?.getBoundingClientRect() ?? {
      top: 0,
      left: 0,
      bottom: innerHeight,
      right: innerWidth,
    };
    const shown = [...this.waiting].flatMap(([placeholder, { cards }]) => {
      const box = placeholder.getBoundingClientRect();
      const inView =
        box.bottom > view.top &&
        box.top < view.bottom &&
        box.right > view.left &&
        box.left < view.right;
      if (!inView) return [];
      if (box.bottom <= view.bottom) return [{ placeholder, count: Infinity }];
      // The placeholder is ESTIMATED_CARD_HEIGHT per card at the board's zoom; no card is
      // shorter than MIN_CARD_HEIGHT: this many cards reach at least the bottom of the view.
      const minCardOnScreen = (box.height / cards) * (MIN_CARD_HEIGHT / ESTIMATED_CARD_HEIGHT);
      return [{ placeholder, count: Math.ceil((view.bottom - box.top) / minCardOnScreen) }];
    });
    for (const { placeholder, count } of shown) this.reveal(placeholder, count);
  }

  /** Draws every card at once: a link or the find bar going to a card not drawn yet. */
  revealAll(): void {
    for (const placeholder of [...this.waiting.keys()]) this.reveal(placeholder, Infinity);
  }

  /** Makes `revealAllCards(board)` reach this board's cells; returns the undo. */
  attach(board: Element): () => void {
    revealers.set(board, this);
    return () => {
      if (revealers.get(board) === this) revealers.delete(board);
    };
  }

  dispose(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.idle !== null) cancelIdle(this.idle);
    this.idle = null;
    if (this.idleStart !== null && this.idleStart !== 'started') clearTimeout(this.idleStart);
    this.idleStart = null;
    this.waiting.clear();
  }

  private forget(placeholder: Element): void {
    this.waiting.delete(placeholder);
    this.observer?.unobserve(placeholder);
  }

  private reveal(placeholder: Element, count: number): void {
    const waiting = this.waiting.get(placeholder);
    this.forget(placeholder);
    waiting?.reveal(count);
  }

  private readonly onIntersect = (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) if (entry.isIntersecting) this.reveal(entry.target, Infinity);
  };

  private scheduleIdle(): void {
    if (this.idleStart === null) {
      this.idleStart = setTimeout(() => {
        this.idleStart = 'started';
        this.scheduleIdle();
      }, IDLE_START_MS);
    }
    if (this.idleStart !== 'started') return;
    if (this.idle === null && this.waiting.size > 0) this.idle = requestIdle(this.onIdle);
  }

  private readonly onIdle = () => {
    this.idle = null;
    // In mount order: lane by lane, stage by stage.
    for (const placeholder of [...this.waiting.keys()].slice(0, CELLS_PER_IDLE)) {
      this.reveal(placeholder, Infinity);
    }
    this.scheduleIdle();
  };
}

const revealers = new WeakMap<Element, CellReveal>();

/**
 * Draws every card of `board` (BoardGrid's root) now, if it draws
 * progressively: before going to a card that may not be drawn yet, so that
 * nothing drawn later moves it out of view.
 */
export function revealAllCards(board: Element): void {
  revealers.get(board)?.revealAll();
}

/** The board's progressive drawing; null where every cell draws all its cards at once. */
export const CellRevealContext = createContext<CellReveal | null>(null);

/**
 * How many of a cell's `cards` to draw now (all of them outside a progressive
 * board), and a function that draws them all (a card being edited must be
 * drawn); `placeholder` is the element that stands in for the others. A cell
 * empty when it mounts has nothing to hold back: what arrives later draws.
 */
export function useRevealedCards(
  placeholder: RefObject<Element | null>,
  cards: number,
): readonly [number, () => void] {
  const cells = use(CellRevealContext);
  const [shown, setShown] = useState(cells === null || cards === 0 ? Infinity : 0);
  const waiting = Math.max(0, cards - shown);
  // A layout effect: registered before the board's own layout effect asks for the cards in view.
  useLayoutEffect(() => {
    const element = placeholder.current;
    if (waiting === 0 || !cells || !element) return;
    return cells.watch(element, waiting, (count) => setShown((now) => now + count));
  }, [waiting, cells, placeholder]);
  const showAll = useCallback(() => setShown(Infinity), []);
  return [shown, showAll];
}
