import { useId, type ComponentPropsWithRef } from 'react';
import { MOD_KEY } from '../common/platform-keys.ts';

/**
 * An open card's text box (shared cards and private ones) with the line under
 * it that says how to keep or drop what was typed: Enter makes a new line
 * (cards hold several), so a first-time writer needs telling.
 */
export function CardTextInput({
  label,
  ...textarea
}: { label: string } & Omit<ComponentPropsWithRef<'textarea'>, 'className' | 'rows'>) {
  const hintId = useId();
  return (
    <>
      <textarea
        {...textarea}
        className="card__editor"
        aria-label={label}
        aria-describedby={hintId}
        rows={2}
      />
      <p id={hintId} className="card__editor-hint">
        {MOD_KEY}+Enter or click away saves · Esc cancels
      </p>
    </>
  );
}
