import type { ReactNode } from 'react';
import { errorMessage } from '../../api/client.ts';

/**
 * What went wrong with what the person just tried, shown where they tried it
 * and read out as it appears (an alert). Renders nothing while there is no
 * problem: give it the message, or `error` — a request's rejection, in the
 * words the server gave (errorMessage). `as="span"` inside a row of
 * controls, `as="div"` around a list; `id` ties it to a field
 * (aria-describedby).
 */
export function FormProblem({
  children,
  error,
  as: Tag = 'p',
  id,
}: {
  children?: ReactNode;
  error?: unknown;
  as?: 'p' | 'span' | 'div';
  id?: string;
}) {
  const content = error ? errorMessage(error) : children;
  if (content === null || content === undefined || content === false || content === '') {
    return null;
  }
  return (
    <Tag id={id} className="form-error" role="alert">
      {content}
    </Tag>
  );
}
