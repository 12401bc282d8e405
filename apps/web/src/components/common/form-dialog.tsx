import { useId, type FormEvent, type ReactNode } from 'react';
import { ModalDialog } from './modal-dialog.tsx';
import { FormProblem } from './form-problem.tsx';

interface FormDialogProps {
  title: string;
  /** Extra class for the dialog (its own layout), beside `dialog`. */
  className: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  submitLabel: string;
  /** The submit button is disabled (the form isn't complete yet). */
  incomplete?: boolean;
  /** While true, the request runs: nothing closes it and submit is disabled. */
  busy: boolean;
  /** What the server answered when it refused, said under the fields. */
  problem: string | null;
  /** The problem's element id, for a field it is about (`aria-describedby`). */
  problemId?: string;
  children: ReactNode;
}

/**
 * A short form in a modal dialog (starting a voting round, an "Everyone
 * rates" round): its title, the fields, the server's refusal if any, then
 * Cancel and the action. A stray click beside it keeps what was typed.
 */
export function FormDialog({
  title,
  className,
  onSubmit,
  onClose,
  submitLabel,
  incomplete = false,
  busy,
  problem,
  problemId,
  children,
}: FormDialogProps) {
  const titleId = useId();
  return (
    <ModalDialog
      as="form"
      className={`dialog ${className}`}
      labelledBy={titleId}
      onSubmit={onSubmit}
      onClose={onClose}
      busy={busy}
      closeOnBackdrop={false}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
      <FormProblem {...(problemId ? { id: problemId } : {})}>{problem}</FormProblem>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy || incomplete}>
          {submitLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
