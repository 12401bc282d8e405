import type { BoardSnapshot } from '@journeyboard/shared/board';
import type { LatestVote } from '../../briefing/briefing-queries.ts';
import { BriefingSection } from './section.tsx';

/** The room's choices shown; the rest are counted. */
const SHOWN = 5;

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });

/**
 * What the room chose in its last dot vote: the question, when it ended and the cards it ranked,
 * as the facilitator revealed them. The pain ranking above weighs votes in, but a reader could
 * not tell from it what the team was asked or that it had decided anything at all.
 */
export function RoomVote({
  vote,
  board,
}: {
  /** Undefined while not loaded. */
  vote: LatestVote | null | undefined;
  board: BoardSnapshot;
}) {
  // Not known yet (or not answered): no section rather than a wrong "none yet".
  if (vote === undefined) return null;
  const results = vote?.results ?? [];
  const votes = results.reduce((sum, result) => sum + result.votes, 0);
  return (
    <BriefingSection
      title="The room’s last vote"
      empty={
        vote === null
          ? 'No voting round has ended yet: when one does, what the room chose shows here.'
          : null
      }
    >
      {vote ? (
        <>
          <p className="briefing-section__note">
            “{vote.question}” · ended {when(vote.endedAt)} ·{' '}
            {votes === 0 ? 'nobody voted' : votes === 1 ? '1 vote' : `${votes} votes`}
          </p>
          {results.length === 0 ? null : (
            <ol className="briefing-list" aria-label="What the room voted for">
              {results.slice(0, SHOWN).map((result) => (
                // Cards with as many votes share a rank (1, 2, 2, 4): the list says so.
                <li key={result.cardId} value={result.rank} className="briefing-list__item">
                  <span className="briefing-list__text">
                    {board.cards.get(result.cardId)?.text ?? result.cardText}
                  </span>
                  <span className="briefing-list__meta">
                    {result.stageTitle} · {result.laneTitle} ·{' '}
                    {result.votes === 1 ? '1 vote' : `${result.votes} votes`}
                  </span>
                </li>
              ))}
            </ol>
          )}
          {results.length > SHOWN ? (
            <p className="briefing-section__note">
              …and {results.length - SHOWN} more {results.length - SHOWN === 1 ? 'card' : 'cards'}{' '}
              with votes.
            </p>
          ) : null}
        </>
      ) : null}
    </BriefingSection>
  );
}
