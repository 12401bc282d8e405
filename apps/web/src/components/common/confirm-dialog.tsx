import { useId, useRef, type ReactNode } from 'react';
import { ModalDialog } from './modal-dialog.tsx';

interface ConfirmDialogProps {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** While true the buttons are disabled (e.g. the delete request is running). */
  busy?: boolean;
  /**
   * `danger` (deleting, restoring): focus starts on Cancel. `create`: the
   * answer is a form (a name…), so focus starts in its first field.
   */
  tone?: 'danger' | 'create';
}

/**
 * A modal question before something destructive (or, `tone="create"`, a
 * short form before creating something). Focus starts on Cancel, so
 * pressing Enter by reflex never deletes; Escape or a click outside cancels
 * (ModalDialog). Rendered only while open.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
  tone = 'danger',
}: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);

  return (
    <ModalDialog
      role="alertdialog"
      className="dialog"
      labelledBy={titleId}
      describedBy={children ? bodyId : undefined}
      onClose={onCancel}
      busy={busy}
      // `danger`: Cancel, so Enter by reflex never deletes; `create`: the form's first field.
      initialFocus={tone === 'danger' ? cancelRef : undefined}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children ? (
        <div id={bodyId} className="dialog__body">
          {children}
        </div>
      ) : null}
      <div className="dialog__actions">
        <button ref={cancelRef} type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className={`button ${tone === 'danger' ? 'button--danger' : 'button--primary'}`}
          onClick={onConfirm}
          disabled={busy}
        >
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
