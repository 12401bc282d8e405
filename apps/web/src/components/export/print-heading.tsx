import { createContext, type ReactNode } from 'react';
import { useMapPersonas } from '../../personas/persona-queries.ts';

/**
 * The page's print heading, for the printed groups of a wide board to repeat
 * (board-print-pages.tsx): each group goes on paper with it.
 */
export const PrintHeadingContext = createContext<ReactNode>(null);

/**
 * The map's title, its personas and the day, so a printout, a PDF or a
 * picture says what it shows: above the board on paper (print.css), and
 * inside it in a PNG (board-grid.tsx, board-grid.css), each with its verb.
 */
export function PrintHeading({ mapId, title }: { mapId: string; title: string }) {
  // Asked here, not handed in by each page: every page that prints names them.
  const personas = useMapPersonas(mapId).data;
  const date = new Date().toLocaleDateString(undefined, { dateStyle: 'long' });
  const who =
    personas && personas.length > 0 ? `Personas: ${personas.map((p) => p.name).join(', ')} · ` : '';
  return (
    <div className="print-only">
      <h1 className="print-heading">{title}</h1>
      <p className="print-heading__meta">
        {who}
        <span className="print-heading__on-paper">Printed</span>
        <span className="print-heading__in-picture">Exported</span> {date}
      </p>
    </div>
  );
}
