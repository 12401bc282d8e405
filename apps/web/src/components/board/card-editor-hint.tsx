import { MOD_KEY } from '../common/platform-keys.ts';

/**
 * Under an open card's text: how to keep or drop what was typed. Enter makes
 * a new line (cards hold several), so a first-time writer needs telling.
 */
export function CardEditorHint({ id }: { id: string }) {
  return (
    <p id={id} className="card__editor-hint">
      {MOD_KEY}+Enter or click away saves · Esc cancels
    </p>
  );
}
