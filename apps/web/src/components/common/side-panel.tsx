import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { isTextField } from '../board/use-undo-shortcuts.ts';
import './side-panel.css';

export type PanelSide = 'left' | 'right';

/** Where side panels go on a page: beside the board, below the page's header. */
export interface SidePanelSlots {
  readonly left: HTMLElement | null;
  readonly right: HTMLElement | null;
}

export const SidePanelSlotsContext = createContext<SidePanelSlots>({ left: null, right: null });

export const PANEL_WIDTH_MIN = 280;
export const PANEL_WIDTH_MAX = 720;
const PANEL_WIDTH_DEFAULT = 360;
const KEY_STEP = 24;

const widthKey = (name: string) => `journeyboard.panel-width.${name}`;

function storedWidth(name: string): number {
  try {
    const value = Number(window.localStorage.getItem(widthKey(name)));
    return Number.isFinite(value) && value > 0 ? clampWidth(value) : PANEL_WIDTH_DEFAULT;
  } catch {
    return PANEL_WIDTH_DEFAULT;
  }
}

/** Never wider than the window leaves room for (the board keeps at least a third). */
function clampWidth(width: number): number {
  const room = typeof window === 'undefined' ? PANEL_WIDTH_MAX : window.innerWidth * 0.66;
  const max = Math.max(PANEL_WIDTH_MIN, Math.min(PANEL_WIDTH_MAX, room));
  return Math.round(Math.min(max, Math.max(PANEL_WIDTH_MIN, width)));
}

/** The panels open now, most recent last: Escape closes the most recent one. */
const openPanels: HTMLElement[] = [];

/**
 * A panel beside the board (comments, personas): it takes its room from the
 * board — in the page's side slot, never over the header or the lane titles —
 * can be resized by its inner edge (drag, or ← / → on the edge), and closes
 * with Escape. Focus moves into it when it opens and back when it closes.
 * Without a slot on the page it is drawn where it is rendered.
 */
export function SidePanel({
  side,
  name,
  label,
  className = '',
  testId,
  focusOnOpen = true,
  onClose,
  children,
}: {
  side: PanelSide;
  /** Names the width remembered on this device. */
  name: string;
  /** The panel's accessible name ("Comments"). */
  label: string;
  className?: string;
  testId?: string;
  /**
   * Opened by the person (a toggle): focus moves in, and back on close. Opened for
   * everyone at once (voting results): false, so nobody's typing is interrupted.
   */
  focusOnOpen?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const slots = useContext(SidePanelSlotsContext);
  const slot = slots[side];
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(() => storedWidth(name));
  const drag = useRef<{ x: number; width: number } | null>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  // Focus in on open (unless told not to), back to where it was on close.
  const focusIn = useRef(focusOnOpen);
  useEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    openPanels.push(panel);
    // Into what the panel says is where work starts (`data-autofocus`), else the panel itself.
    const start = panel.querySelector<HTMLElement>('[data-autofocus]') ?? panel;
    if (focusIn.current) start.focus({ preventScroll: true });
    return () => {
      openPanels.splice(openPanels.indexOf(panel), 1);
      if (panel.contains(document.activeElement) || document.activeElement === document.body) {
        if (previous?.isConnected) previous.focus({ preventScroll: true });
      }
    };
  }, []);

  // Escape closes the most recent panel — from inside it, or from the page's
  // chrome (e.g. its toggle); on the board, Escape belongs to the board.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const panel = ref.current;
      if (event.key !== 'Escape' || event.defaultPrevented || !panel) return;
      if (openPanels[openPanels.length - 1] !== panel) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const inside = target !== null && panel.contains(target);
      if (!inside) {
        if (target?.closest('.board-view, [role="dialog"], [role="menu"]')) return;
        if (isTextField(target)) return;
      } else if (
        isTextField(target) &&
        (target as HTMLInputElement | HTMLTextAreaElement).value.trim() !== ''
      ) {
        // A draft is never thrown away by Escape.
        return;
      }
      if (target?.closest('[role="menu"], [role="listbox"]')) return;
      event.preventDefault();
      closeRef.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      try {
        window.localStorage.setItem(widthKey(name), String(width));
      } catch {
        // not remembered
      }
    }, 200);
    return () => window.clearTimeout(timer);
  }, [name, width]);

  // The edge towards the board grows the panel when dragged away from it.
  const direction = side === 'right' ? -1 : 1;
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (start) setWidth(clampWidth(start.width + (event.clientX - start.x) * direction));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onResizeKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    if (event.key === 'ArrowLeft') setWidth((w) => clampWidth(w + step * -direction));
    else if (event.key === 'ArrowRight') setWidth((w) => clampWidth(w + step * direction));
    else return;
    event.preventDefault();
  };

  const panel = (
    <aside
      ref={ref}
      className={`side-panel side-panel--${side} ${slot ? '' : 'side-panel--floating'} ${className}`}
      aria-label={label}
      data-testid={testId}
      tabIndex={-1}
      style={{ width }}
    >
      <div className="side-panel__content">{children}</div>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize the ${label.toLowerCase()} panel`}
        aria-valuenow={width}
        aria-valuemin={PANEL_WIDTH_MIN}
        aria-valuemax={PANEL_WIDTH_MAX}
        tabIndex={0}
        className="side-panel__resize"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onResizeKey}
      />
    </aside>
  );
  return slot ? createPortal(panel, slot) : panel;
}

/**
 * The page's two side slots, for a page to place left and right of its board
 * (`<div ref={left} />`) and provide with SidePanelSlotsContext: panels
 * rendered anywhere below (a header's toggle) then take their room from the
 * board, not from the header.
 */
export function useSidePanelSlots(): {
  slots: SidePanelSlots;
  left: (element: HTMLElement | null) => void;
  right: (element: HTMLElement | null) => void;
} {
  const [left, setLeft] = useState<HTMLElement | null>(null);
  const [right, setRight] = useState<HTMLElement | null>(null);
  const slots = useMemo(() => ({ left, right }), [left, right]);
  return { slots, left: setLeft, right: setRight };
}
