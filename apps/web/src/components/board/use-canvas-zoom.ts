import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { loadView, saveView, type SavedView } from '../../state/canvas-storage.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { applyZoom, appliedZoom } from './board-zoom.ts';
import {
  clampZoom,
  COMPACT_BELOW,
  fitBoard,
  originAfterZoom,
  roundZoom,
  searchFitZoom,
  zoomForWheel,
  zoomToShow,
  type Point,
  type Size,
} from './canvas-geometry.ts';
import { toLayerPoint } from '../presence/board-geometry.ts';
import { openView } from './cell-dom.ts';
import { isTextField } from './use-undo-shortcuts.ts';

/** The smallest whole per cent at which cards show in full (semantic zoom). */
const FULL_CARDS_ZOOM = Math.ceil(COMPACT_BELOW * 100) / 100;
/**
 * A view narrower than this is a phone's: a laptop's view fitted whole into it is unreadable
 * (27 %), so following shows the middle of it with full cards instead. Wider screens see the
 * whole view, as small as it takes — a facilitator who zoomed out meant the overview.
 */
const PHONE_WIDTH = 600;
/** Space kept around a fitted board. */
const FIT_MARGIN = 12;
/** Fit width and fit a stage may enlarge the board up to this. */
const FIT_ZOOM_MAX = 1.5;
/** One press of Zoom in / Zoom out, or of + / −. */
export const ZOOM_STEP = 1.2;
/** A wheel or pinch gesture has ended when no event came for this long. */
const GESTURE_REST_MS = 250;
/** A zoom preview's animation outlasts any gesture; the gesture's end cancels it. */
const HOLD_MS = 3_600_000;

/** Keyframes that hold one scale: the animation only carries the transform. */
const holdScale = (scale: number): Keyframe[] => [
  { transform: `scale(${scale})` },
  { transform: `scale(${scale})` },
];

export interface CanvasZoom {
  zoomIn: () => void;
  zoomOut: () => void;
  /** Back to 100 %, around the viewport's centre. */
  resetZoom: () => void;
  /** The whole board, width and height, centred. */
  fit: () => void;
  /** The board's width; keeps what is at the top. */
  fitWidth: () => void;
  /** One stage's column across the viewport: the focused or selected one, else the one in the middle. */
  fitStage: (stageId?: string) => void;
  /**
   * An area of the board (board coordinates) zoomed to fit the view and centred: someone else's
   * view. `readable`: on a phone, never below the zoom at which cards show in full
   * (COMPACT_BELOW) — it sees the middle of a laptop's view, not all of it too small to read.
   */
  showArea: (area: BoardArea, options?: { readable?: boolean }) => void;
  /** This person's view as it is now (zoom and scroll), to give back exactly with `showView`. */
  currentView: () => SavedView | null;
  /** A view `currentView` took (or one remembered), exactly as it was. */
  showView: (view: SavedView) => void;
}

export interface BoardArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Options {
  /** Remembers zoom and scroll per map and person (`<person>:<map>`); null remembers nothing. */
  storageScope: string | null;
}

/** Where the board's scaled content (the cells) starts on screen: past the lane titles and the stage headers. */
function contentOrigin(board: HTMLElement): Point {
  const rect = board.getBoundingClientRect();
  const stage = board.querySelector<HTMLElement>('.stage-header');
  const lane = board.querySelector<HTMLElement>('.lane-row');
  return {
    x: stage ? stage.getBoundingClientRect().left : rect.left,
    y: lane ? lane.getBoundingClientRect().top : rect.top,
  };
}

function available(scroller: HTMLElement): Size {
  return {
    width: scroller.clientWidth - FIT_MARGIN * 2,
    height: scroller.clientHeight - FIT_MARGIN * 2,
  };
}

const boardSize = (board: HTMLElement, zoom: number, compact = false): Size => {
  applyZoom(board, zoom, compact);
  const rect = board.getBoundingClientRect();
  return { width: rect.width, height: rect.height };
};

/**
 * The stage a person is working in: where the focus is, else the selected
 * cards', else where the focus last was on the board, else the column in the
 * middle of the view.
 */
function currentStageId(
  board: HTMLElement,
  scroller: HTMLElement,
  lastFocused: string | null,
): string | null {
  const active = document.activeElement;
  if (active instanceof HTMLElement && board.contains(active)) {
    const owner = active.closest<HTMLElement>('[data-stage-id]');
    if (owner?.dataset.stageId) return owner.dataset.stageId;
  }
  const selected = board.querySelector<HTMLElement>('[data-selected]');
  const selectedStage = selected?.closest<HTMLElement>('[data-stage-id]')?.dataset.stageId;
  if (selectedStage) return selectedStage;
  if (
    lastFocused &&
    board.querySelector(`.stage-header[data-stage-id="${CSS.escape(lastFocused)}"]`)
  ) {
    return lastFocused;
  }
  const headers = [...board.querySelectorAll<HTMLElement>('.stage-header[data-stage-id]')];
  const rect = scroller.getBoundingClientRect();
  const middle = rect.left + rect.width / 2;
  let best: { id: string; distance: number } | null = null;
  for (const header of headers) {
    const box = header.getBoundingClientRect();
    const distance =
      middle < box.left ? box.left - middle : middle > box.right ? middle - box.right : 0;
    if (header.dataset.stageId && (!best || distance < best.distance)) {
      best = { id: header.dataset.stageId, distance };
    }
  }
  return best?.id ?? null;
}

/**
 * Zoom for the board canvas. Ctrl/⌘ + wheel and trackpad pinch zoom around the
 * pointer (the board point under it stays put); plain wheel and trackpad
 * scrolling pan natively. Fit (whole board, width, one stage), zoom in/out and
 * 100 % from the zoom controls or the keyboard (Shift+1, Shift+2, Shift+3,
 * Shift+0, + and −). Zoom and scroll are remembered per map and person.
 *
 * The zoom is applied to the board element directly (board-zoom.ts), never
 * through a React render of the grid; the ui store holds the level for the
 * zoom controls.
 */
export function useCanvasZoom(
  scrollerRef: RefObject<HTMLDivElement | null>,
  boardRef: RefObject<HTMLDivElement | null>,
  frameRef: RefObject<HTMLDivElement | null>,
  { storageScope }: Options,
): CanvasZoom {
  const setZoom = useUiStore((state) => state.setZoom);
  const saveTimer = useRef<number | null>(null);
  // Compact cards above the readable zoom: the overview "fit" chose, until the zoom changes.
  const overview = useRef(false);
  // A wheel or pinch zoom in progress: drawn as a transform of the frame around the board (no
  // layout, so every frame is cheap on a board of a thousand cards), applied as a real zoom
  // once it rests. The transform is a Web Animation, not a style: Chromium then paints the
  // frame once for the whole gesture instead of again for each new scale (its paint area
  // follows a style transform), and the frame, not the board, so the board's own layout and
  // paint are left alone (`zoom` on the board made every transform change re-lay it out).
  // Nothing else may repaint while it lasts: a repaint anywhere re-records the whole board's
  // paint (about 4 ms at 1,000 cards here). So the zoom level shows once the gesture rests,
  // and the canvas holds no `<select>` (add-lane-button.tsx). Measured in docs/benchmarks.md
  // (issue #14).
  const gesture = useRef<{
    base: number;
    zoom: number;
    pointer: Point;
    preview: Animation;
  } | null>(null);
  const gestureTimer = useRef<number | null>(null);
  // The stage of the last thing focused on the board ("fit stage" from a button keeps it).
  const lastStage = useRef<string | null>(null);

  const elements = useCallback(() => {
    const scroller = scrollerRef.current;
    const board = boardRef.current;
    return scroller && board ? { scroller, board } : null;
  }, [scrollerRef, boardRef]);

  /** The view as it is now: what is remembered, and what a summon's end gives back. */
  const currentView = useCallback((): SavedView | null => {
    const found = elements();
    if (!found) return null;
    const zoom = appliedZoom(found.board);
    return {
      zoom,
      x: found.scroller.scrollLeft / zoom,
      y: found.scroller.scrollTop / zoom,
      overview: overview.current,
    };
  }, [elements]);

  // The latest view, written at most every 250 ms and when the board closes.
  const unsaved = useRef<SavedView | null>(null);
  const write = useCallback(() => {
    if (saveTimer.current !== null) window.clearTimeout(saveTimer.current);
    saveTimer.current = null;
    if (storageScope && unsaved.current) saveView(storageScope, unsaved.current);
    unsaved.current = null;
  }, [storageScope]);
  const save = useCallback(() => {
    const view = storageScope ? currentView() : null;
    if (!view) return;
    unsaved.current = view;
    saveTimer.current ??= window.setTimeout(write, 250);
  }, [currentView, storageScope, write]);

  /** Zooms so the board point under `pointer` (client coordinates; default: the view's centre) stays there. */
  const zoomTo = useCallback(
    (requested: number, pointer?: Point) => {
      const found = elements();
      if (!found) return;
      const { scroller, board } = found;
      const next = roundZoom(clampZoom(requested));
      const current = appliedZoom(board);
      if (next === current) {
        setZoom(next);
        return;
      }
      const rect = scroller.getBoundingClientRect();
      const at = pointer ?? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      const target = originAfterZoom(at, contentOrigin(board), current, next);
      overview.current = false;
      applyZoom(board, next);
      const origin = contentOrigin(board);
      scroller.scrollLeft += origin.x - target.x;
      scroller.scrollTop += origin.y - target.y;
      setZoom(next);
      save();
    },
    [elements, setZoom, save],
  );

  const endGesture = useCallback(() => {
    if (gestureTimer.current !== null) window.clearTimeout(gestureTimer.current);
    gestureTimer.current = null;
    const current = gesture.current;
    gesture.current = null;
    if (!current) return;
    current.preview.cancel();
    if (frameRef.current) frameRef.current.style.transformOrigin = '';
    zoomTo(current.zoom, current.pointer);
  }, [frameRef, zoomTo]);

  /** Shows the board at `zoom` around `pointer` as a transform until the gesture rests. */
  const previewZoom = useCallback(
    (requested: number, pointer: Point) => {
      const board = boardRef.current;
      const frame = frameRef.current;
      if (!board || !frame) return;
      const zoom = clampZoom(requested);
      if (!gesture.current) {
        const rect = frame.getBoundingClientRect();
        const x = ((pointer.x - rect.left) / Math.max(rect.width, 1)) * 100;
        const y = ((pointer.y - rect.top) / Math.max(rect.height, 1)) * 100;
        frame.style.transformOrigin = `${x}% ${y}%`;
        const preview = frame.animate(holdScale(1), { duration: HOLD_MS, fill: 'both' });
        gesture.current = { base: appliedZoom(board), zoom, pointer, preview };
      }
      gesture.current.zoom = zoom;
      (gesture.current.preview.effect as KeyframeEffect | null)?.setKeyframes(
        holdScale(zoom / gesture.current.base),
      );
      if (gestureTimer.current !== null) window.clearTimeout(gestureTimer.current);
      gestureTimer.current = window.setTimeout(endGesture, GESTURE_REST_MS);
    },
    [boardRef, frameRef, endGesture],
  );

  const finish = useCallback(
    (zoom: number, scroll: Point, compact = false) => {
      const found = elements();
      if (!found) return;
      overview.current = compact;
      applyZoom(found.board, zoom, compact);
      found.scroller.scrollTo({ left: scroll.x, top: scroll.y });
      setZoom(zoom);
      save();
    },
    [elements, setZoom, save],
  );

  const fit = useCallback(() => {
    const found = elements();
    if (!found) return;
    const { scroller, board } = found;
    const { zoom, compact } = fitBoard(
      (z, compactCards) => boardSize(board, z, compactCards),
      available(scroller),
    );
    // Smaller than the view, the board is centred by its auto margins (board-view.css).
    finish(zoom, { x: 0, y: 0 }, compact);
  }, [elements, finish]);

  const fitWidth = useCallback(() => {
    const found = elements();
    if (!found) return;
    const { scroller, board } = found;
    const top = scroller.scrollTop / appliedZoom(board);
    const zoom = searchFitZoom((z) => boardSize(board, z), available(scroller), {
      widthOnly: true,
      max: FIT_ZOOM_MAX,
    });
    finish(zoom, { x: 0, y: top * zoom });
  }, [elements, finish]);

  const fitStage = useCallback(
    (stageId?: string) => {
      const found = elements();
      if (!found) return;
      const { scroller, board } = found;
      const id = stageId ?? currentStageId(board, scroller, lastStage.current);
      const header = id
        ? board.querySelector<HTMLElement>(`.stage-header[data-stage-id="${CSS.escape(id)}"]`)
        : null;
      const corner = board.querySelector<HTMLElement>('.board-corner');
      if (!header) return;
      const space = available(scroller);
      const measure = (z: number): Size => {
        applyZoom(board, z);
        const titles = corner?.getBoundingClientRect().width ?? 0;
        return { width: titles + header.getBoundingClientRect().width, height: 0 };
      };
      const zoom = searchFitZoom(measure, space, { widthOnly: true, max: FIT_ZOOM_MAX });
      measure(zoom);
      // Put the column in the middle of the space right of the lane titles.
      const titles = corner?.getBoundingClientRect().width ?? 0;
      const box = header.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      const left = view.left + titles + (view.width - titles - box.width) / 2;
      finish(zoom, { x: scroller.scrollLeft + box.left - left, y: 0 });
    },
    [elements, finish],
  );

  const showArea = useCallback(
    (area: BoardArea, { readable = false }: { readable?: boolean } = {}) => {
      const found = elements();
      if (!found) return;
      const { scroller, board } = found;
      // Fitted and centred in what the sticky stage headers and lane titles leave of the view
      // (as the area is what they left of the leader's, visibleViewport): centred on the whole
      // view, a phone had the middle of the leader's view half under its lane titles.
      // That room depends on the zoom (the titles scale with it): measured at the zoom fitted
      // to it once, it is what the second fit goes by.
      const fit = () => {
        const room = openView(scroller, board);
        const fitted = zoomToShow(area, {
          width: room.right - room.left,
          height: room.bottom - room.top,
        });
        return readable && scroller.clientWidth < PHONE_WIDTH
          ? Math.max(fitted, FULL_CARDS_ZOOM)
          : fitted;
      };
      overview.current = false;
      applyZoom(board, fit());
      const zoom = fit();
      applyZoom(board, zoom);
      const centre = toLayerPoint(found, {
        x: area.x + area.width / 2,
        y: area.y + area.height / 2,
      });
      // Where the middle of that room is, at the new zoom (the titles scale with it).
      const open = openView(scroller, board);
      const view = scroller.getBoundingClientRect();
      const middle = {
        x: (open.left + open.right) / 2 - view.left - scroller.clientLeft,
        y: (open.top + open.bottom) / 2 - view.top - scroller.clientTop,
      };
      scroller.scrollTo({ left: centre.left - middle.x, top: centre.top - middle.y });
      setZoom(zoom);
      save();
    },
    [elements, setZoom, save],
  );

  const showView = useCallback(
    (view: SavedView) => {
      const found = elements();
      if (!found) return;
      const zoom = roundZoom(clampZoom(view.zoom));
      overview.current = view.overview ?? false;
      applyZoom(found.board, zoom, overview.current);
      found.scroller.scrollTo({ left: view.x * zoom, top: view.y * zoom });
      setZoom(zoom);
      save();
    },
    [elements, setZoom, save],
  );

  // A control used mid-gesture first lets the gesture land.
  const controls = useMemo<CanvasZoom>(
    () => ({
      zoomIn: () => {
        endGesture();
        zoomTo(useUiStore.getState().zoom * ZOOM_STEP);
      },
      zoomOut: () => {
        endGesture();
        zoomTo(useUiStore.getState().zoom / ZOOM_STEP);
      },
      resetZoom: () => {
        endGesture();
        zoomTo(1);
      },
      fit: () => {
        endGesture();
        fit();
      },
      fitWidth: () => {
        endGesture();
        fitWidth();
      },
      fitStage: (stageId) => {
        endGesture();
        fitStage(stageId);
      },
      showArea: (area, options) => {
        endGesture();
        showArea(area, options);
      },
      currentView,
      showView: (view) => {
        endGesture();
        showView(view);
      },
    }),
    [endGesture, zoomTo, fit, fitWidth, fitStage, showArea, currentView, showView],
  );

  // Before the first paint: the remembered zoom and scroll, else 100 %.
  useLayoutEffect(() => {
    const found = elements();
    if (!found) return;
    const saved = storageScope ? loadView(storageScope) : null;
    const zoom = saved ? roundZoom(clampZoom(saved.zoom)) : useUiStore.getState().zoom;
    overview.current = saved?.overview ?? false;
    applyZoom(found.board, zoom, overview.current);
    if (saved) found.scroller.scrollTo({ left: saved.x * zoom, top: saved.y * zoom });
    setZoom(zoom);
  }, [elements, storageScope, setZoom]);

  // A zoom set elsewhere (another control) is applied around the view's centre.
  useEffect(
    () =>
      useUiStore.subscribe((state) => {
        const board = boardRef.current;
        if (board && !gesture.current && state.zoom !== appliedZoom(board)) zoomTo(state.zoom);
      }),
    [boardRef, zoomTo],
  );

  // Ctrl/⌘ + wheel and pinch: zoom around the pointer, at most once a frame.
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    let pending: { zoom: number; pointer: Point } | null = null;
    let frame: number | null = null;
    const onWheel = (event: WheelEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      // The unrounded level, so small pinch steps add up instead of rounding away.
      const from =
        pending?.zoom ??
        gesture.current?.zoom ??
        (boardRef.current ? appliedZoom(boardRef.current) : 1);
      const zoom = zoomForWheel(from, event.deltaY, event.deltaMode);
      pending = { zoom, pointer: { x: event.clientX, y: event.clientY } };
      frame ??= requestAnimationFrame(() => {
        frame = null;
        if (pending) previewZoom(pending.zoom, pending.pointer);
        pending = null;
      });
    };
    // Safari sends pinches as gesture events.
    let gestureStart = 1;
    const onGestureStart = (event: Event) => {
      event.preventDefault();
      gestureStart = boardRef.current ? appliedZoom(boardRef.current) : 1;
    };
    const onGestureChange = (event: Event) => {
      event.preventDefault();
      const pinch = event as Event & { scale?: number; clientX?: number; clientY?: number };
      if (typeof pinch.scale !== 'number') return;
      const rect = scroller.getBoundingClientRect();
      const pointer =
        typeof pinch.clientX === 'number' && typeof pinch.clientY === 'number'
          ? { x: pinch.clientX, y: pinch.clientY }
          : { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      previewZoom(gestureStart * pinch.scale, pointer);
    };
    const onGestureEnd = (event: Event) => {
      event.preventDefault();
      endGesture();
    };
    const onScroll = () => save();
    const onFocusIn = (event: FocusEvent) => {
      const owner =
        event.target instanceof HTMLElement
          ? event.target.closest<HTMLElement>('[data-stage-id]')
          : null;
      if (owner?.dataset.stageId) lastStage.current = owner.dataset.stageId;
    };
    scroller.addEventListener('focusin', onFocusIn);
    scroller.addEventListener('wheel', onWheel, { passive: false });
    scroller.addEventListener('gesturestart', onGestureStart);
    scroller.addEventListener('gesturechange', onGestureChange);
    scroller.addEventListener('gestureend', onGestureEnd);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      scroller.removeEventListener('gestureend', onGestureEnd);
      scroller.removeEventListener('wheel', onWheel);
      scroller.removeEventListener('gesturestart', onGestureStart);
      scroller.removeEventListener('gesturechange', onGestureChange);
      scroller.removeEventListener('scroll', onScroll);
      scroller.removeEventListener('focusin', onFocusIn);
    };
  }, [scrollerRef, boardRef, previewZoom, endGesture, save]);

  // Shift+1 fit, Shift+2 fit width, Shift+3 fit the stage, Shift+0 100 %, + and − zoom.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (isTextField(target)) return;
      if (
        target instanceof HTMLElement &&
        target.closest('select, [role="menu"], [role="dialog"], [role="complementary"]')
      ) {
        return;
      }
      // Presentation, a confirmation: the board is behind them.
      if (document.querySelector('[aria-modal="true"]')) return;
      const action = shortcut(event);
      if (!action) return;
      event.preventDefault();
      controls[action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [controls]);

  useEffect(() => write, [write]);
  useEffect(
    () => () => {
      if (gestureTimer.current !== null) window.clearTimeout(gestureTimer.current);
    },
    [],
  );

  return controls;
}

/** What a key can ask of the canvas (not to show someone else's view, nor to take or give back one's own). */
type ZoomShortcut = Exclude<keyof CanvasZoom, 'showArea' | 'currentView' | 'showView'>;

/** The zoom action a key press asks for, if any. */
export function shortcut(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey'>,
): ZoomShortcut | null {
  if (event.shiftKey) {
    if (event.code === 'Digit1') return 'fit';
    if (event.code === 'Digit2') return 'fitWidth';
    if (event.code === 'Digit3') return 'fitStage';
    if (event.code === 'Digit0') return 'resetZoom';
  }
  if (event.key === '+' || event.key === '=') return 'zoomIn';
  if (event.key === '-' || event.key === '_') return 'zoomOut';
  return null;
}
