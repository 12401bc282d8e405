import { useId, useRef, type ReactNode } from 'react';
import { useAnchoredPopup, type Anchoring } from './use-anchored-popup.ts';
import './toggletip.css';

const BELOW: Anchoring = { placement: 'bottom-start', gap: 6 };

/**
 * A badge that says more when pressed — tapped, clicked, or Enter — in a
 * popover beside it that a tap elsewhere or Escape puts away. A `title`
 * tooltip never shows on a touch screen, and on a phone the lock badges were
 * the only place that said what a lock holds. Hovering still shows the title.
 */
export function Toggletip({
  label,
  detail,
  className,
  children,
}: {
  /** The button's name: what the badge is ("Stage Purchase is locked"). */
  label?: string;
  /** What it says when pressed. */
  detail: string;
  className: string;
  children: ReactNode;
}) {
  const tipId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const tipRef = useRef<HTMLSpanElement>(null);
  useAnchoredPopup(tipRef, buttonRef, BELOW);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={`toggletip__button ${className}`}
        aria-label={label}
        title={detail}
        popoverTarget={tipId}
        // Nothing in it takes focus: moving on (Tab) puts it away, as a tooltip goes.
        onBlur={() => tipRef.current?.hidePopover?.()}
      >
        {children}
      </button>
      <span ref={tipRef} id={tipId} popover="auto" className="toggletip">
        {detail}
      </span>
    </>
  );
}
