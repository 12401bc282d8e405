import { useEffect, useId, useRef } from 'react';
import { CopyButton } from '../common/copy-button.tsx';

export interface NewLinkShown {
  readonly id: string;
  readonly url: string;
  /** What the list below calls it ("Read-only link 3"). */
  readonly name: string;
  /** Copied with the button or from the field: closing the dialog needn't ask. */
  readonly copied?: boolean;
}

/**
 * A link just created: its only showing (the server keeps its hash), with a
 * copy button and its name in the list below. It is scrolled into view in the
 * dialog (a laptop screen may have it below the fold), and only the dialog
 * scrolls.
 */
export function NewLink({ shown, onCopied }: { shown: NewLinkShown; onCopied: () => void }) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) scrollIntoDialogView(ref.current);
  }, [shown.url]);
  return (
    <div ref={ref} className="share-dialog__new" role="status">
      <label className="field__label" htmlFor={id}>
        New {shown.name.toLowerCase()}
      </label>
      <input id={id} className="input" readOnly value={shown.url} onCopy={onCopied} />
      <p className="muted">
        Copy it now: it is shown only once. It is “{shown.name}” in the list below.
      </p>
      {/* Both new links can be showing: each button says which it copies. */}
      <CopyButton text={shown.url} onCopied={onCopied} extra={` — ${shown.name}`} />
    </div>
  );
}

/** Scrolls the dialog around `element` so all of it shows between the dialog's title and buttons. */
function scrollIntoDialogView(element: HTMLElement) {
  const dialog = element.closest<HTMLElement>('[role="dialog"]');
  if (!dialog) return;
  const box = element.getBoundingClientRect();
  const view = dialog.getBoundingClientRect();
  const below = box.bottom - (view.bottom - heightOf(dialog, '.dialog__actions'));
  const above = view.top + heightOf(dialog, '.dialog__title') - box.top;
  if (below > 0) dialog.scrollTop += Math.min(below, -above);
  else if (above > 0) dialog.scrollTop -= above;
}

const heightOf = (dialog: HTMLElement, selector: string) =>
  dialog.querySelector(selector)?.getBoundingClientRect().height ?? 0;
