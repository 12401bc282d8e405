import { useId, type ReactNode } from 'react';

/**
 * One section of the briefing: a heading, and either its content or one
 * plain sentence saying there is nothing yet (and how to get some).
 */
export function BriefingSection({
  title,
  empty,
  children,
  wide = false,
}: {
  title: string;
  /** Shown instead of the content when set. */
  empty: string | null;
  children?: ReactNode;
  wide?: boolean;
}) {
  const id = useId();
  return (
    <section
      className={`briefing-section${wide ? ' briefing-section--wide' : ''}`}
      aria-labelledby={id}
    >
      <h2 id={id} className="briefing-section__title">
        {title}
      </h2>
      {empty ? <p className="briefing-section__empty">{empty}</p> : children}
    </section>
  );
}
