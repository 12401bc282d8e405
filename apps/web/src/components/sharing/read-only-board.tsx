import { memo, useEffect, useState } from 'react';
import { ReadOnlyCommentTools } from '../comments/comment-badge.tsx';
import {
  useCard,
  useCellCardIds,
  useConnection,
  useEmotion,
  useLanes,
  useStages,
} from '../../board/use-board.ts';

/**
 * The live board for people who may only look (share-link viewers, workspace
 * viewers and commenters). Built only from the read hooks, so it has no
 * editing control at all — the server would drop their edits anyway.
 * `stageIndex` (presentation mode) shows one stage at a time.
 */
export function ReadOnlyBoard({ stageIndex }: { stageIndex?: number | undefined }) {
  const allStages = useStages();
  const lanes = useLanes();
  const stages = stageIndex === undefined ? allStages : allStages.slice(stageIndex, stageIndex + 1);
  return (
    <div className="read-only-board" data-testid="read-only-board">
      <table className="read-only-board__grid">
        <thead>
          <tr>
            <th scope="col" className="read-only-board__corner" />
            {stages.map((stage) => (
              <th key={stage.id} scope="col" data-testid="stage-header">
                {stage.title}
                {stage.momentOfTruth ? <span className="read-only-board__mot"> ★</span> : null}
                <ReadOnlyCommentTools
                  kind="stage"
                  id={stage.id}
                  label={`Comment on stage ${stage.title}`}
                />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lanes.map((lane) => (
            <tr key={lane.id}>
              <th scope="row">{lane.title}</th>
              {stages.map((stage) => (
                <td key={stage.id} aria-label={`${lane.title} in ${stage.title}`} role="group">
                  {lane.kind === 'emotion' ? (
                    <EmotionValue stageId={stage.id} laneId={lane.id} />
                  ) : (
                    <CellCards stageId={stage.id} laneId={lane.id} />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const CellCards = memo(function CellCards({
  stageId,
  laneId,
}: {
  stageId: string;
  laneId: string;
}) {
  const ids = useCellCardIds(stageId, laneId);
  return (
    <ul className="read-only-board__cards">
      {ids.map((id) => (
        <CardText key={id} id={id} />
      ))}
    </ul>
  );
});

const CardText = memo(function CardText({ id }: { id: string }) {
  const card = useCard(id);
  if (!card) return null;
  return (
    <li className="read-only-board__card" data-testid="card" aria-label={card.text || 'Empty card'}>
      {card.text}
      <ReadOnlyCommentTools kind="card" id={id} label="Comment on card" />
    </li>
  );
});

const EMOTION_LABELS: Record<number, string> = {
  [-2]: 'very negative',
  [-1]: 'negative',
  0: 'neutral',
  1: 'positive',
  2: 'very positive',
};

function EmotionValue({ stageId, laneId }: { stageId: string; laneId: string }) {
  const emotion = useEmotion(stageId, laneId);
  if (!emotion) return <span className="muted">—</span>;
  return (
    <span className="read-only-board__emotion">
      {emotion.score > 0 ? '+' : ''}
      {emotion.score} ({EMOTION_LABELS[emotion.score] ?? 'emotion'})
      {emotion.note ? ` — ${emotion.note}` : ''}
    </span>
  );
}

/** "View only" badge and the live/offline state, for the read-only pages. */
export function ViewOnlyBadge() {
  const connection = useConnection();
  return (
    <span className="view-only-badge" data-testid="view-only-badge">
      View only
      <span className="muted" data-testid="connection-status" data-status={connection.status}>
        {connection.status === 'live' ? ' · Live' : ' · Connecting…'}
      </span>
    </span>
  );
}

/**
 * Presentation mode: full screen, one stage at a time; arrow keys or the
 * buttons step through the stages, Escape leaves.
 */
export function Presentation({ onExit }: { onExit: () => void }) {
  const stages = useStages();
  const [index, setIndex] = useState(0);
  const last = Math.max(stages.length - 1, 0);
  const current = Math.min(index, last);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowRight' || event.key === ' ') setIndex((i) => Math.min(i + 1, last));
      else if (event.key === 'ArrowLeft') setIndex((i) => Math.max(i - 1, 0));
      else if (event.key === 'Escape') onExit();
    };
    window.addEventListener('keydown', onKey);
    // Full screen where the browser allows it; the overlay works without.
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [last, onExit]);

  return (
    <div className="presentation" role="dialog" aria-label="Presentation">
      <div className="presentation__bar">
        <span>
          Stage {current + 1} of {stages.length}: <strong>{stages[current]?.title}</strong>
        </span>
        <span className="account-bar__spacer" />
        <button
          type="button"
          className="button"
          disabled={current === 0}
          onClick={() => setIndex(current - 1)}
        >
          Previous stage
        </button>
        <button
          type="button"
          className="button"
          disabled={current === last}
          onClick={() => setIndex(current + 1)}
        >
          Next stage
        </button>
        <button type="button" className="button button--ghost" onClick={onExit}>
          Exit presentation
        </button>
      </div>
      <ReadOnlyBoard stageIndex={current} />
    </div>
  );
}
