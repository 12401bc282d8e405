import { CARD_TEXT_MAX } from '@journeyboard/shared/board';
import { useId, type ComponentPropsWithRef } from 'react';
import { MOD_KEY } from '../common/platform-keys.ts';
import { useMediaQuery } from '../common/use-media-query.ts';

/** A phone or tablet without a mouse: no Ctrl+Enter, no Escape key to tell of. */
const TOUCH_ONLY = '(hover: none) and (pointer: coarse)';

/**
 * An open card's text box (shared cards and private ones) with the line under
 * it that says how to keep or drop what was typed: Enter makes a new line
 * (cards hold several), so a first-time writer needs telling. A card holds
 * CARD_TEXT_MAX characters (the board keeps to it too): a longer paste is cut
 * there, and the line says so.
 */
export function CardTextInput({
  label,
  ...textarea
}: { label: string } & Omit<ComponentPropsWithRef<'textarea'>, 'className' | 'rows'>) {
  const hintId = useId();
  const touchOnly = useMediaQuery(TOUCH_ONLY);
  const full = typeof textarea.value === 'string' && textarea.value.length >= CARD_TEXT_MAX;
  return (
    <>
      <textarea
        {...textarea}
        className="card__editor"
        aria-label={label}
        aria-describedby={hintId}
        rows={2}
        maxLength={CARD_TEXT_MAX}
      />
      <p id={hintId} className="card__editor-hint" aria-live="polite">
        {full
          ? `A card holds at most ${CARD_TEXT_MAX.toLocaleString('en')} characters.`
          : touchOnly
            ? 'Tap anywhere else to save'
            : `${MOD_KEY}+Enter or click away saves · Esc cancels`}
      </p>
    </>
  );
}
