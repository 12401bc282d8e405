import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ArrowLeftIcon } from '../common/icons.tsx';
import { InlineTextEdit } from '../common/inline-text-edit.tsx';
import { PresenceAvatars } from '../presence/presence-avatars.tsx';
import { ConnectionIndicator } from './connection-indicator.tsx';
import { UndoRedoButtons } from './undo-redo-buttons.tsx';
import './board-header.css';

interface BoardHeaderProps {
  /** The map's title from the REST API; null while it loads. */
  title: string | null;
  onRename: (title: string) => void;
  /** Workshop tools (the timer), shown before presence. */
  workshop?: ReactNode;
}

/** The bar above the board: back link, map title, workshop timer, connection state, Undo/Redo. */
export function BoardHeader({ title, onRename, workshop }: BoardHeaderProps) {
  return (
    <header className="board-header">
      <Link to="/" className="button button--ghost board-header__back">
        <ArrowLeftIcon />
        All maps
      </Link>
      <div className="board-header__title">
        {title === null ? (
          <span className="skeleton skeleton--title">
            <span className="visually-hidden">Loading map title…</span>
          </span>
        ) : (
          <h1 className="board-header__heading">
            <InlineTextEdit
              value={title}
              editLabel={`Rename map ${title}`}
              inputLabel="Map title"
              maxLength={120}
              onCommit={onRename}
            />
          </h1>
        )}
      </div>
      <div className="board-header__tools">
        {workshop}
        <PresenceAvatars />
        <ConnectionIndicator />
        <UndoRedoButtons />
      </div>
    </header>
  );
}
