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
  /** Renames the map; without it the title is plain text (read-only pages). */
  onRename?: ((title: string) => void) | undefined;
  /** The "All maps" link (not on a share link's page). */
  backLink?: boolean;
  /** Beside the title: "View only", the map's status chip. */
  status?: ReactNode;
  /** The connection (editors), Undo/Redo with it. */
  live?: boolean;
  /** Who is here, to follow (by default with `live`; a team member's read-only board too). */
  people?: boolean;
  /** The page's buttons at the end: Comments, Personas, History, Share, Briefing, Present, Export. */
  actions?: ReactNode;
  /** Before who is here: the running timer and the "Workshop" button (the tools float over the board). */
  workshop?: ReactNode;
}

/**
 * The one bar above the board: back link, map title and status, then the
 * timer and "Workshop", who is here, the connection, Undo/Redo, and the page's actions —
 * one row at laptop width, so the board gets the rest. New tools go in a menu, not here.
 */
export function BoardHeader({
  title,
  onRename,
  backLink = true,
  status,
  live = true,
  people = live,
  actions,
  workshop,
}: BoardHeaderProps) {
  return (
    <header className="board-header">
      {backLink ? (
        <Link to="/" className="button button--ghost board-header__back" title="All maps">
          <ArrowLeftIcon />
          All maps
        </Link>
      ) : null}
      <div className={`board-header__title${backLink ? '' : ' board-header__title--first'}`}>
        {title === null ? (
          <span className="skeleton skeleton--title">
            <span className="visually-hidden">Loading map title…</span>
          </span>
        ) : (
          <h1 className="board-header__heading" title={title}>
            {onRename ? (
              <InlineTextEdit
                value={title}
                editLabel={`Rename map ${title}`}
                inputLabel="Map title"
                tooltip={title}
                maxLength={120}
                onCommit={onRename}
              />
            ) : (
              <span className="board-header__text">{title}</span>
            )}
          </h1>
        )}
        {status}
      </div>
      <div className="board-header__tools">
        {workshop}
        {people ? <PresenceAvatars /> : null}
        {live ? (
          <>
            <ConnectionIndicator />
            <UndoRedoButtons />
          </>
        ) : null}
        {actions ? <div className="board-header__actions">{actions}</div> : null}
      </div>
    </header>
  );
}
