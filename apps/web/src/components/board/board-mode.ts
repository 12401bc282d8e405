import { createContext, useContext } from 'react';

/**
 * How the one board renderer draws the board:
 * - `edit`: everything — drag handles, "Add card", editors, palette, menus.
 * - `read-only`: the same grid, cards, chips and emotion curve with no control
 *   that writes (viewers, commenters, share links). Zoom and pan remain.
 * - `present`: read-only, one stage at a time at a readable size.
 * - `print`: read-only, one group of stages per printed page (a board too
 *   wide for one page at 7 pt: print-layout.ts, board-print-pages.tsx).
 * A new way to show the board (print, export) is a new mode, not a new renderer.
 */
export type BoardMode = 'edit' | 'read-only' | 'present' | 'print';

/** Read-only unless a page says otherwise: a forgotten provider never offers an edit. */
export const BoardModeContext = createContext<BoardMode>('read-only');

export const useBoardMode = (): BoardMode => useContext(BoardModeContext);

/** Whether this board offers controls that change it. */
export const useBoardEditable = (): boolean => useContext(BoardModeContext) === 'edit';

/**
 * Whether the board is in front of one person who may act on it (edit,
 * read-only): presented to a room or printed on paper, it shows no tools —
 * no comment buttons, lock badges, bylines or column handles.
 */
export const useBoardHasTools = (): boolean => {
  const mode = useContext(BoardModeContext);
  return mode === 'edit' || mode === 'read-only';
};
