import { findCards } from '@journeyboard/shared/board';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useBoardSnapshot, useStages } from '../../board/use-board.ts';
import { CloseIcon, SearchIcon } from '../common/icons.tsx';
import { cardSelector, focusCardWhenDrawn, showCard } from './cell-dom.ts';
import './board-find.css';

/** Typing into a field (or the card editor) keeps its own "/" and Ctrl+F. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Find on the board, in every mode: Ctrl/Cmd+F or "/" opens it, matching
 * cards are outlined (one generated style rule: no card re-renders), Enter
 * and Shift+Enter step through them and bring each into view, Escape closes.
 * The current match is said in words for screen readers.
 */
export function BoardFind() {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  // Where the keyboard was when find opened: it goes back there when nothing was found.
  const openedFrom = useRef<HTMLElement | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const openFind = () => {
    if (
      document.activeElement instanceof HTMLElement &&
      document.activeElement !== inputRef.current
    )
      openedFrom.current = document.activeElement;
    setOpen(true);
  };
  const board = useBoardSnapshot();
  const stages = useStages();
  const matches = useMemo(() => (open ? findCards(board, query) : []), [board, open, query]);
  const current = matches.length === 0 ? null : matches[Math.min(index, matches.length - 1)]!;

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const findKey = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f';
      const slash =
        event.key === '/' && !event.ctrlKey && !event.metaKey && !isTyping(event.target);
      if (!findKey && !slash) return;
      event.preventDefault();
      openFind();
      // Already open: take focus back and select what was typed.
      window.requestAnimationFrame(() => inputRef.current?.select());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!current) return;
    return showCard(current.id, () => {});
  }, [current]);

  // Closing leaves the keyboard on the card found (Escape after Enter is "take me there"), else
  // where it was: focus used to drop to the page, and a keyboard user lost their place.
  const close = () => {
    const from = openedFrom.current;
    if (current) focusCardWhenDrawn(current.id);
    // Opened with its button, which the search box replaced: back on the button, drawn again.
    else if (from?.isConnected) from.focus();
    else requestAnimationFrame(() => buttonRef.current?.focus());
    openedFrom.current = null;
    setOpen(false);
    setQuery('');
    setIndex(0);
  };
  const step = (by: number) => {
    if (matches.length === 0) return;
    const from = Math.min(index, matches.length - 1);
    setIndex((from + by + matches.length) % matches.length);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  if (!open) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className="icon-button"
        aria-label="Find on the board"
        title="Find on the board (Ctrl+F or /)"
        onClick={openFind}
      >
        <SearchIcon />
      </button>
    );
  }
  const stageTitle = current ? stages.find((stage) => stage.id === current.stageId)?.title : '';
  const highlight = [
    matches.map((card) => `${cardSelector(card.id)}`).join(',') +
      (matches.length > 0 ? '{outline:2px solid var(--warning);outline-offset:1px}' : ''),
    current
      ? `${cardSelector(current.id)}{outline:3px solid var(--warning-text);outline-offset:2px}`
      : '',
  ].join('');
  return (
    <div className="board-find" role="search" aria-label="Find on the board">
      <style>{highlight}</style>
      <SearchIcon />
      <input
        ref={inputRef}
        className="input input--small board-find__input"
        aria-label="Find cards"
        placeholder="Find cards"
        // Opened on purpose (a key or the button): typing goes straight in.
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setIndex(0);
        }}
        onKeyDown={onKeyDown}
      />
      <span className="board-find__status" role="status" aria-live="polite">
        {query.trim() === ''
          ? ''
          : current
            ? `${Math.min(index, matches.length - 1) + 1} of ${matches.length}: ${current.text} (${stageTitle})`
            : 'No cards match'}
      </span>
      <button type="button" className="icon-button" aria-label="Close find" onClick={close}>
        <CloseIcon />
      </button>
    </div>
  );
}
