import {
  useEffect,
  useRef,
  type FormEventHandler,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';

/** What Tab may land on inside a dialog. */
const TAB_STOPS = [
  'a[href]',
  'button:not(:disabled)',
  'input:not(:disabled)',
  'select:not(:disabled)',
  'textarea:not(:disabled)',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

interface ModalDialogProps {
  /** `alertdialog` for a question before something destructive. */
  role?: 'dialog' | 'alertdialog';
  /** `form`: the dialog is its own form (Enter in a field submits it). */
  as?: 'div' | 'form';
  onSubmit?: FormEventHandler<HTMLFormElement>;
  className: string;
  /** The dialog's name: its title's id, or a label when it shows no title. */
  labelledBy?: string;
  label?: string;
  describedBy?: string;
  /** Escape, or a press on the backdrop (unless `closeOnBackdrop` is false). */
  onClose: () => void;
  /**
   * false: a stray press beside the dialog keeps it open (it holds something
   * that would be lost, e.g. a link shown once, or a half-filled form).
   */
  closeOnBackdrop?: boolean;
  /** While true, neither closes it (a request is running). */
  busy?: boolean;
  /** Where focus starts; default: the dialog's first field, else its first tab stop. */
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/**
 * The one modal dialog: rendered into document.body over a backdrop, focus
 * moves into it when it opens and back to where it was when it closes, Tab
 * stays inside it, and Escape (or a press on the backdrop) closes it. What is
 * behind it is inert while it is open: no keyboard, pointer or screen reader
 * reaches it.
 */
export function ModalDialog({
  role = 'dialog',
  as = 'div',
  onSubmit,
  className,
  labelledBy,
  label,
  describedBy,
  onClose,
  closeOnBackdrop = true,
  busy = false,
  initialFocus,
  children,
}: ModalDialogProps) {
  const dialogRef = useRef<HTMLElement | null>(null);
  const backdropRef = useRef<HTMLDivElement | null>(null);

  // The rest of the page is inert while the dialog is open: no pointer, no
  // focus, and hidden from screen readers' browse mode too (aria-modal alone
  // is not honoured by all of them). A dialog opened from a dialog makes the
  // first one inert, and gives it back when it closes.
  useEffect(() => {
    const backdrop = backdropRef.current;
    if (!backdrop) return;
    const madeInert = [...document.body.children].filter(
      (element) => element !== backdrop && !element.hasAttribute('inert'),
    );
    for (const element of madeInert) element.setAttribute('inert', '');
    return () => {
      for (const element of madeInert) element.removeAttribute('inert');
    };
  }, []);

  useEffect(() => {
    const previouslyFocused = document.activeElement as HTMLElement | null;
    const dialog = dialogRef.current;
    const start =
      initialFocus?.current ??
      dialog?.querySelector<HTMLElement>('input:not(:disabled), textarea:not(:disabled)') ??
      dialog?.querySelector<HTMLElement>(TAB_STOPS);
    start?.focus();
    return () => {
      if (previouslyFocused?.isConnected) previouslyFocused.focus();
      else focusDialogBeneath(dialog);
    };
    // Where focus starts is decided once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (!busy) onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const stops = dialogRef.current?.querySelectorAll<HTMLElement>(TAB_STOPS);
    if (!stops || stops.length === 0) return;
    const first = stops[0]!;
    const last = stops[stops.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const dialogProps = {
    className,
    role,
    'aria-modal': true,
    'aria-labelledby': labelledBy,
    'aria-label': labelledBy ? undefined : label,
    'aria-describedby': describedBy,
    // Focusable itself, for when what had focus inside it is gone (focusDialogBeneath).
    tabIndex: -1,
    onKeyDown,
  } as const;

  return createPortal(
    <div
      ref={backdropRef}
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && closeOnBackdrop && !busy) onClose();
      }}
    >
      {as === 'form' ? (
        <form ref={(node) => void (dialogRef.current = node)} onSubmit={onSubmit} {...dialogProps}>
          {children}
        </form>
      ) : (
        <div ref={(node) => void (dialogRef.current = node)} {...dialogProps}>
          {children}
        </div>
      )}
    </div>,
    document.body,
  );
}

/**
 * Where focus goes back to when what it came from is gone (the Revoke button
 * of a link just revoked): the dialog still open beneath the closing one,
 * else the page, as the browser would.
 */
function focusDialogBeneath(closing: HTMLElement | null | undefined) {
  const open = [...document.querySelectorAll<HTMLElement>('[aria-modal="true"]')].filter(
    (dialog) => dialog !== closing,
  );
  open.at(-1)?.focus();
}
