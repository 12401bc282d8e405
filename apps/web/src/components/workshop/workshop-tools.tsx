import { Hand } from 'lucide-react';
import { useId } from 'react';
import { useCan } from '../../capabilities/capabilities.tsx';
import { usePresenceStore } from '../../presence/use-presence.ts';
import { useHands, useOwnHandRaised } from '../../workshop/hand-queries.ts';
import { useWorkshopTools } from '../../workshop/workshop-tools-store.ts';
import { CloseIcon, WorkshopIcon } from '../common/icons.tsx';
import { StartBrainstormButton } from './brainstorm-controls.tsx';
import { StartRating } from './everyone-rates.tsx';
import { BringEveryoneButton } from './facilitation-controls.tsx';
import { RaiseHandButton } from './hands.tsx';
import { LockMenu } from './lock-controls.tsx';
import { ReactionBar } from './reactions.tsx';
import { ResultsToggle, StartVoting } from './voting.tsx';
import { StartTimerButton } from './workshop-timer.tsx';
import './workshop-tools.css';

/** Whether this person has any workshop tool: facilitators steer, participants take part. */
function useHasWorkshopTools(): boolean {
  const facilitates = useCan('workshop.facilitate');
  const participates = useCan('workshop.participate');
  return facilitates || participates;
}

/**
 * The header's "Workshop" button: shows or hides the workshop tools below the
 * board. It says when this person's hand is up, so a closed toolbar hides
 * nothing that matters.
 */
export function WorkshopToggle({ toolsId }: { toolsId: string }) {
  const hasTools = useHasWorkshopTools();
  const open = useWorkshopTools((state) => state.open);
  const handRaised = useOwnHandRaised();
  if (!hasTools) return null;
  return (
    <button
      type="button"
      className={`button button--ghost workshop-toggle${open ? ' workshop-toggle--open' : ''}`}
      aria-expanded={open}
      aria-controls={toolsId}
      title={open ? 'Hide the workshop tools' : 'Show the workshop tools'}
      onClick={() => useWorkshopTools.getState().toggle()}
    >
      <WorkshopIcon />
      Workshop
      {handRaised ? (
        <span className="workshop-toggle__hand" title="Your hand is raised">
          <Hand size={14} aria-hidden="true" />
          <span className="visually-hidden">(your hand is raised)</span>
        </span>
      ) : null}
    </button>
  );
}

/**
 * The workshop tools, at the foot of the board while open (their room taken
 * from the board's, so they never hide its last lane): the facilitator's
 * (bring everyone, locks, silent brainstorm, voting, everyone rates, timer)
 * and everyone's (reactions, raise hand, the latest results). Each tool
 * shows itself only with its capability; new workshop tools belong here, not
 * in the header.
 */
export function WorkshopTools({ mapId, id }: { mapId: string; id: string }) {
  const hasTools = useHasWorkshopTools();
  const facilitates = useCan('workshop.facilitate');
  const open = useWorkshopTools((state) => state.open);
  const headingId = useId();
  // Reactions need presence, hands the event stream: until both are there, say so
  // rather than show an empty bar.
  const presence = usePresenceStore();
  const hands = useHands();
  const connecting = presence === null || hands === undefined;
  if (!hasTools || !open) return null;
  return (
    <section id={id} className="workshop-tools" aria-labelledby={headingId}>
      <h2 id={headingId} className="workshop-tools__title">
        Workshop
      </h2>
      {facilitates ? (
        <div className="workshop-tools__group" role="group" aria-label="Facilitate">
          <BringEveryoneButton />
          <LockMenu />
          <StartBrainstormButton mapId={mapId} />
          <StartVoting mapId={mapId} />
          <StartRating />
          <StartTimerButton mapId={mapId} />
        </div>
      ) : null}
      <div className="workshop-tools__group" role="group" aria-label="Take part">
        {connecting ? (
          <span className="workshop-tools__waiting" role="status">
            Connecting to the workshop…
          </span>
        ) : null}
        <ReactionBar />
        <RaiseHandButton />
        <ResultsToggle />
      </div>
      <button
        type="button"
        className="icon-button"
        aria-label="Hide the workshop tools"
        title="Hide the workshop tools"
        onClick={() => useWorkshopTools.getState().close()}
      >
        <CloseIcon />
      </button>
    </section>
  );
}
