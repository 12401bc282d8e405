import type { ReactNode } from 'react';
import { FormProblem } from './form-problem.tsx';
import { CloseIcon } from './icons.tsx';

/**
 * Something that happened which the person should know about, across the top
 * of what it concerns and read out politely (a status; a problem is an
 * ErrorBanner). `actions` is what they can do about it, `problem` what went
 * wrong when they tried. The close button says what it dismisses: a screen
 * reader hears the button alone, and a page may show several notices.
 */
export function Notice({
  children,
  actions,
  problem,
  dismiss,
  className,
}: {
  children: ReactNode;
  actions?: ReactNode;
  problem?: string | null;
  /** The close button: what it dismisses ("Dismiss: …") and what closing does. */
  dismiss?: { label: string; onClick: () => void };
  className?: string;
}) {
  return (
    <div
      className={className ? `banner banner--info ${className}` : 'banner banner--info'}
      role="status"
    >
      <span>{children}</span>
      {actions}
      <FormProblem as="span">{problem}</FormProblem>
      {dismiss ? (
        <button
          type="button"
          className="icon-button"
          aria-label={dismiss.label}
          onClick={dismiss.onClick}
        >
          <CloseIcon />
        </button>
      ) : null}
    </div>
  );
}
