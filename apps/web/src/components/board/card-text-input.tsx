import { CARD_TEXT_MAX } from '@journeyboard/shared/board';
import { useCallback, useId, useLayoutEffect, useRef, type ComponentPropsWithRef } from 'react';
import { MOD_KEY } from '../common/platform-keys.ts';
import { useMediaQuery } from '../common/use-media-query.ts';

/** A phone or tablet without a mouse: no Ctrl+Enter, no Escape key to tell of. */
const TOUCH_ONLY = '(hover: none) and (pointer: coarse)';

/**
 * An open card's text box (shared cards and private ones) with the line under
 * it that says how to keep or drop what was typed: Enter makes a new line
 * (cards hold several), so a first-time writer needs telling. A card holds
 * CARD_TEXT_MAX characters (the board keeps to it too): a longer paste is cut
 * there, and the line says so. The box grows with the text instead of hiding
 * what is past its second line.
 */
export function CardTextInput({
  label,
  ref,
  ...textarea
}: { label: string } & Omit<ComponentPropsWithRef<'textarea'>, 'className' | 'rows'>) {
  const hintId = useId();
  const own = useRef<HTMLTextAreaElement | null>(null);
  const setRef = useCallback(
    (element: HTMLTextAreaElement | null) => {
      own.current = element;
      if (typeof ref === 'function') ref(element);
      else if (ref) ref.current = element;
    },
    [ref],
  );
  useLayoutEffect(() => {
    const box = own.current;
    if (!box) return;
    box.style.height = 'auto';
    box.style.height = `${box.scrollHeight}px`;
  }, [textarea.value]);
  const touchOnly = useMediaQuery(TOUCH_ONLY);
  const full = typeof textarea.value === 'string' && textarea.value.length >= CARD_TEXT_MAX;
  return (
    <>
      <textarea
        {...textarea}
        ref={setRef}
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
