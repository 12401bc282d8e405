import { createContext, type ReactNode } from 'react';

/**
 * The page's print heading, for the printed groups of a wide board to repeat
 * (board-print-pages.tsx): each group goes on paper with it.
 */
export const PrintHeadingContext = createContext<ReactNode>(null);

/**
 * Above the board on paper only (print.css): the map's title, its personas
 * and the day it was printed, so a printout or PDF says what it shows.
 */
export function PrintHeading({
  title,
  personas,
}: {
  title: string;
  personas?: readonly { name: string }[] | undefined;
}) {
  const date = new Date().toLocaleDateString(undefined, { dateStyle: 'long' });
  const who =
    personas && personas.length > 0 ? `Personas: ${personas.map((p) => p.name).join(', ')} · ` : '';
  return (
    <div className="print-only">
      <h1 className="print-heading">{title}</h1>
      <p className="print-heading__meta">
        {who}Printed {date}
      </p>
    </div>
  );
}
