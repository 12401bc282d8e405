import { useId, useState } from 'react';

/**
 * An action not offered right now (offline), that says why to everyone: it
 * keeps its place in the tab order, is announced as unavailable with its
 * reason (`aria-disabled`, described by the reason), and pressing it shows
 * the reason. A disabled button's tooltip reaches neither the keyboard nor a
 * finger.
 */
export function UnavailableAction({
  label,
  reason,
  className,
}: {
  label: string;
  reason: string;
  className: string;
}) {
  const [shown, setShown] = useState(false);
  const reasonId = useId();
  return (
    <span className="unavailable-action">
      <button
        type="button"
        className={className}
        aria-disabled="true"
        aria-describedby={reasonId}
        title={reason}
        onClick={() => setShown((now) => !now)}
        onBlur={() => setShown(false)}
      >
        {label}
      </button>
      <span id={reasonId} className={shown ? 'unavailable-action__reason' : 'visually-hidden'}>
        {reason}
      </span>
    </span>
  );
}
