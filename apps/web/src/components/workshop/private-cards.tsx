import type { TPrivateCard } from '@journeyboard/shared';
import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { errorMessage } from '../../api/client.ts';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { usePrivateCardActions } from '../../workshop/private-mode-queries.ts';
import { useLocks } from '../../workshop/lock-context.tsx';
import { usePrivateCardSource, usePrivateCell } from '../../workshop/private-card-source.tsx';
import { useKeepDraftOnBoard } from '../../workshop/keep-draft-on-board.ts';
import { setPrivateDraft, type PrivateDraft } from '../../workshop/private-draft.ts';
import { CardTextInput } from '../board/card-text-input.tsx';
import { PlusIcon, PrivateIcon, TrashIcon } from '../common/icons.tsx';
import '../board/card.css';
import './private-cards.css';

interface PrivateCellProps {
  stageId: string;
  laneId: string;
  stageTitle: string;
  laneTitle: string;
}

/**
 * A cell's part of a silent brainstorm, drawn by CardCell inside the one
 * renderer: this person's private cards there (marked "Private": only they
 * see them until the reveal) and "Add private card". Nothing here touches
 * the shared document; every write goes over REST to the author's own rows.
 */
export const PrivateCell = memo(function PrivateCell({
  stageId,
  laneId,
  stageTitle,
  laneTitle,
}: PrivateCellProps) {
  const source = usePrivateCardSource();
  const cards = usePrivateCell(stageId, laneId);
  const mapId = useMapEventStore((state) => state.mapId) ?? '';
  const actions = usePrivateCardActions(mapId);
  const keepOnBoard = useKeepDraftOnBoard();
  const [drafting, setDrafting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The facilitators' own locks (not the brainstorm's): a card written here would land in a
  // locked stage or lane at the reveal, so the server refuses it (CELL_LOCKED).
  const locked = useLocks().all.cellLocked(stageId, laneId);
  if (!source) return null;
  /** Sends a private card's text; one that arrives after the reveal goes on the board instead. */
  const run = (write: Promise<unknown>, draft?: PrivateDraft) => {
    setProblem(null);
    write.catch((error: unknown) => {
      if (draft && error instanceof ApiError && error.code === 'PRIVATE_MODE_NOT_RUNNING') {
        keepOnBoard(draft);
      } else {
        setProblem(errorMessage(error));
      }
    });
  };
  const cell = { stageId, laneId };
  return (
    <>
      {cards.length > 0 || drafting ? (
        <ul className="card-list" aria-label={`Your private cards in ${laneTitle}, ${stageTitle}`}>
          {cards.map((card) => (
            <PrivateCardItem
              key={card.id}
              card={card}
              onSave={(text) =>
                run(actions.update(card.id, { text }), {
                  ...cell,
                  cardId: card.id,
                  base: card.text,
                  text,
                })
              }
              onDelete={() => run(actions.remove(card.id))}
            />
          ))}
          {drafting ? (
            <li className="card card--private card--editing">
              {/* In the card's body, as when a saved one is edited: straight in the card (a
                  row), the text box shared its width with the hint and shrank to a sliver. */}
              <div className="card__body">
                <PrivateMarker />
                <PrivateCardEditor
                  initial=""
                  draft={{ ...cell, cardId: null }}
                  onDone={(text) => {
                    setDrafting(false);
                    if (text.trim() === '') return;
                    run(actions.create({ stageId, laneId, text }), {
                      ...cell,
                      cardId: null,
                      base: '',
                      text,
                    });
                  }}
                />
              </div>
            </li>
          ) : null}
        </ul>
      ) : null}
      {problem ? (
        <p className="private-cell__problem" role="alert">
          {problem}
        </p>
      ) : null}
      {locked ? null : (
        <button
          type="button"
          className="add-card add-card--private"
          aria-label={`Add private card to ${laneTitle} in ${stageTitle}`}
          onClick={() => setDrafting(true)}
        >
          <PlusIcon />
          Add private card
        </button>
      )}
    </>
  );
});

function PrivateCardItem({
  card,
  onSave,
  onDelete,
}: {
  card: TPrivateCard;
  onSave: (text: string) => void;
  onDelete: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const isEmpty = card.text.trim() === '';
  return (
    <li
      className={`card card--private${editing ? ' card--editing' : ''}`}
      data-testid="private-card"
      data-card-id={card.id}
      aria-label={isEmpty ? 'Empty private card' : card.text}
    >
      <div className="card__body">
        <PrivateMarker />
        {editing ? (
          <PrivateCardEditor
            initial={card.text}
            draft={{ stageId: card.stageId, laneId: card.laneId, cardId: card.id }}
            onDone={(text) => {
              setEditing(false);
              if (text !== card.text) onSave(text);
            }}
          />
        ) : (
          <button
            type="button"
            className={`card__text${isEmpty ? ' card__text--empty' : ''}`}
            title="Click to edit"
            onClick={() => setEditing(true)}
          >
            {isEmpty ? 'Empty card' : card.text}
          </button>
        )}
      </div>
      {editing ? null : (
        <div className="card__tools">
          <button
            type="button"
            className="icon-button"
            aria-label={`Delete private card ${card.text}`}
            onClick={onDelete}
          >
            <TrashIcon />
          </button>
        </div>
      )}
    </li>
  );
}

/** Says on a private card, saved or being written, that only its author sees it. */
function PrivateMarker() {
  return (
    <span className="card__private" title="Only you see this card until the reveal">
      <PrivateIcon size={12} />
      Private
    </span>
  );
}

/**
 * The open private card: leaving it or Ctrl/Cmd+Enter saves, Escape keeps what it had.
 * What is typed is kept in the draft store until then, so a reveal that takes the editor
 * away first doesn't take the text with it (private-draft.ts).
 */
function PrivateCardEditor({
  initial,
  draft: where,
  onDone,
}: {
  initial: string;
  draft: Pick<PrivateDraft, 'stageId' | 'laneId' | 'cardId'>;
  onDone: (text: string) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const mapId = useMapEventStore((state) => state.mapId) ?? '';
  const ref = useRef<HTMLTextAreaElement>(null);
  const finished = useRef(false);
  useLayoutEffect(() => ref.current?.focus(), []);
  const finish = (text: string) => {
    if (finished.current) return;
    finished.current = true;
    setPrivateDraft(mapId, null);
    onDone(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(initial);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      finish(draft);
    }
  };
  return (
    <CardTextInput
      ref={ref}
      label="Private card text"
      placeholder="Only you see this until the reveal…"
      value={draft}
      onChange={(event) => {
        setDraft(event.target.value);
        setPrivateDraft(mapId, { ...where, base: initial, text: event.target.value });
      }}
      onKeyDown={onKeyDown}
      onBlur={() => finish(draft)}
    />
  );
}
