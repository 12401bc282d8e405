import { holdsCards } from '@journeyboard/shared/board';
import type { TVoteRound } from '@journeyboard/shared';
import { Vote, X } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { FormDialog } from '../common/form-dialog.tsx';
import { errorMessage } from '../../api/client.ts';
import { useCard, useLanes } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { SidePanel } from '../common/side-panel.tsx';
import { useTimerSnapshot } from '../../workshop/timer-queries.ts';
import { formatRemaining } from '../../workshop/timer-clock.ts';
import { useTick } from '../../workshop/use-timer.ts';
import {
  useBallot,
  useVoteProgress,
  useRunningRound,
  useShownResults,
  useVoteRounds,
  useVotingActions,
} from '../../workshop/voting-queries.ts';
import { useVotingUi } from '../../workshop/voting-store.ts';
import { roundProgressText } from '../../workshop/round-progress.ts';
import { useHereWhoCan } from '../../presence/use-presence.ts';
import { FormProblem } from '../common/form-problem.tsx';
import { votesOnLane } from '../../workshop/card-voting.tsx';
import { GoToLane } from './go-to-lane.tsx';
import './voting.css';
import { BannerDetail } from './banner-stack.tsx';
import { ToolLabel } from './tool-label.tsx';

/** A facilitator's "Vote" button: set up a round and start it. Nothing while one runs. */
export function StartVoting({ mapId }: { mapId: string }) {
  const canFacilitate = useCan('workshop.facilitate');
  const running = useRunningRound();
  const [open, setOpen] = useState(false);
  if (!canFacilitate || running) return null;
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label="Vote"
        title="Start a voting round"
        onClick={() => setOpen(true)}
      >
        <Vote size={16} aria-hidden="true" />
        <ToolLabel>Vote</ToolLabel>
      </button>
      {open ? <VotingSetup mapId={mapId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function VotingSetup({ mapId, onClose }: { mapId: string; onClose: () => void }) {
  const lanes = useLanes().filter((lane) => holdsCards(lane.kind));
  const [question, setQuestion] = useState('Which of these matter most?');
  const [votesPerPerson, setVotesPerPerson] = useState('5');
  const [maxPerCard, setMaxPerCard] = useState('1');
  const [minutes, setMinutes] = useState('');
  const [named, setNamed] = useState(false);
  const [laneIds, setLaneIds] = useState<ReadonlySet<string>>(
    () => new Set(lanes.map((lane) => lane.id)),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const actions = useVotingActions(mapId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    const everyLane = lanes.every((lane) => laneIds.has(lane.id));
    const seconds = minutes.trim() === '' ? undefined : Math.round(Number(minutes) * 60);
    actions
      .start({
        question,
        votesPerPerson: Number(votesPerPerson),
        maxPerCard: Number(maxPerCard),
        anonymous: !named,
        laneIds: everyLane ? [] : [...laneIds],
        ...(seconds === undefined ? {} : { durationSeconds: seconds }),
      })
      .then(
        () => onClose(),
        (error: unknown) => {
          setProblem(errorMessage(error));
          setBusy(false);
        },
      );
  };

  return (
    <FormDialog
      title="Start a voting round"
      className="voting-setup"
      onSubmit={submit}
      onClose={onClose}
      submitLabel="Start voting"
      incomplete={laneIds.size === 0 || question.trim() === ''}
      busy={busy}
      problem={problem}
    >
      <label className="field__label" htmlFor={`${id}-question`}>
        Question
      </label>
      <input
        id={`${id}-question`}
        className="input"
        value={question}
        maxLength={200}
        onChange={(event) => setQuestion(event.target.value)}
      />
      <div className="voting-setup__row">
        <span>
          <label className="field__label" htmlFor={`${id}-votes`}>
            Votes per person
          </label>
          <input
            id={`${id}-votes`}
            className="input"
            type="number"
            min={1}
            max={99}
            value={votesPerPerson}
            onChange={(event) => setVotesPerPerson(event.target.value)}
          />
        </span>
        <span>
          <label className="field__label" htmlFor={`${id}-per-card`}>
            Most per card
          </label>
          <input
            id={`${id}-per-card`}
            className="input"
            type="number"
            min={1}
            max={99}
            value={maxPerCard}
            onChange={(event) => setMaxPerCard(event.target.value)}
          />
        </span>
        <span>
          <label className="field__label" htmlFor={`${id}-minutes`}>
            Time limit (min)
          </label>
          <input
            id={`${id}-minutes`}
            className="input"
            type="number"
            min={0.5}
            step={0.5}
            placeholder="None"
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />
        </span>
      </div>
      <fieldset>
        <legend className="field__label">Cards in these lanes take votes</legend>
        <div className="voting-setup__lanes">
          {lanes.map((lane) => (
            <label key={lane.id} className="voting-setup__check">
              <input
                type="checkbox"
                checked={laneIds.has(lane.id)}
                onChange={(event) => {
                  const next = new Set(laneIds);
                  if (event.target.checked) next.add(lane.id);
                  else next.delete(lane.id);
                  setLaneIds(next);
                }}
              />
              {lane.title}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="voting-setup__check">
        <input
          type="checkbox"
          checked={named}
          onChange={(event) => setNamed(event.target.checked)}
        />
        Show who voted for what when it ends
      </label>
    </FormDialog>
  );
}

/**
 * While a round runs, for everyone on the map: the question, this person's
 * votes left (if they vote), the time limit, and — for facilitators — "End
 * voting", which reveals the results to everyone at once.
 */
export function VotingBanner({ mapId }: { mapId: string }) {
  const round = useRunningRound();
  const canVote = useCan('vote.cast');
  const canFacilitate = useCan('workshop.facilitate');
  const ballot = useBallot();
  const remaining = ballot && ballot.roundId === round?.id ? ballot.remaining : null;
  const actions = useVotingActions(mapId);
  const [problem, setProblem] = useState<string | null>(null);
  const lanes = useLanes();
  if (!round) return null;
  // A round on some lanes only: the first of them is where to go (on every lane, nowhere).
  const restricted = round.laneKinds.length > 0 || round.laneIds.length > 0;
  const votedLane = restricted
    ? lanes.find((lane) => votesOnLane(round, lane.id, lane.kind))
    : undefined;
  const end = () => {
    setProblem(null);
    actions.end(round.id).catch((error: unknown) => setProblem(errorMessage(error)));
  };
  return (
    <section className="voting-banner" aria-label="Voting">
      <Vote size={18} aria-hidden="true" />
      <span>
        Voting: <span className="voting-banner__question">{round.question}</span>
      </span>
      <BannerDetail className="voting-banner__left">
        Votes and pointers stay hidden until the results
      </BannerDetail>
      {canVote && remaining !== null ? (
        <span className="voting-banner__left" role="status">
          {remaining} of {round.votesPerPerson} votes left
          {/* How, until the first vote: the one who set the round up knows. */}
          {remaining === round.votesPerPerson && !canFacilitate ? (
            <BannerDetail>: press Vote on a card</BannerDetail>
          ) : null}
        </span>
      ) : null}
      {canFacilitate ? <RoundProgress /> : null}
      {round.endsAt ? <RoundTimeLeft endsAt={round.endsAt} /> : null}
      <span className="voting-banner__spacer" />
      <GoToLane lane={votedLane} />
      <FormProblem as="span">{problem}</FormProblem>
      {canFacilitate ? (
        <button type="button" className="button button--primary" onClick={end}>
          End voting and show results
        </button>
      ) : null}
    </section>
  );
}

/** For facilitators: how many of those here have voted so far (when to end the round). Counts only. */
function RoundProgress() {
  const progress = useVoteProgress();
  const votedMyself = (useBallot()?.used ?? 0) > 0;
  const here = useHereWhoCan('vote.cast', votedMyself);
  if (!progress) return null;
  const { voters, votes } = progress;
  return (
    <span className="voting-banner__left" role="status">
      {roundProgressText({ done: voters, items: votes, here, verb: 'voted', item: 'vote' })}
    </span>
  );
}

/** A round's time limit, counted on the server's clock (the offset the timer keeps). */
function RoundTimeLeft({ endsAt }: { endsAt: string }) {
  const offset = useTimerSnapshot()?.offsetMs ?? 0;
  const tick = useTick(true);
  const left = Math.max(0, Date.parse(endsAt) - (tick + offset));
  return <span className="voting-banner__left">Ends in {formatRemaining(left)}</span>;
}

/**
 * The revealed results of a round (the latest, or one picked from the
 * earlier rounds): ranked cards with their votes, who voted for what in a
 * named round, cards deleted since marked. Cards show their counts while it
 * is open.
 */
export function VotingResults() {
  const round = useShownResults();
  const rounds = useVoteRounds().data ?? [];
  if (!round) return null;
  const earlier = rounds.filter((item) => item.status === 'ended' && item.id !== round.id);
  const totals = round.totals ?? { votes: 0, voters: 0 };
  return (
    // Beside the board like the comments, never over the header; it opens for everyone at
    // the reveal, so it leaves everyone's focus where it is.
    <SidePanel
      side="right"
      name="voting-results"
      label="Voting results"
      className="voting-results"
      focusOnOpen={false}
      onClose={closeResults}
    >
      <div className="voting-results__header">
        <h2>
          {round.question}
          <span className="voting-results__summary">
            {totals.votes} vote{totals.votes === 1 ? '' : 's'} from {totals.voters}{' '}
            {totals.voters === 1 ? 'person' : 'people'}
            {round.anonymous ? ' · anonymous' : ''}
          </span>
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close results"
          onClick={closeResults}
        >
          <X size={16} aria-hidden="true" />
        </button>
      </div>
      {round.results && round.results.length > 0 ? (
        <ol className="voting-results__list" aria-label="Ranked cards">
          {round.results.map((result) => (
            <ResultItem key={result.cardId} result={result} />
          ))}
        </ol>
      ) : (
        <p className="voting-results__list muted">Nobody voted in this round.</p>
      )}
      {earlier.length > 0 ? (
        <nav className="voting-results__history" aria-label="Earlier rounds">
          Earlier rounds
          <ul>
            {earlier.map((item) => (
              <li key={item.id}>
                <button type="button" onClick={() => useVotingUi.getState().showResults(item.id)}>
                  {item.question}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </SidePanel>
  );
}

function ResultItem({ result }: { result: NonNullable<TVoteRound['results']>[number] }) {
  const onBoard = useCard(result.cardId);
  return (
    <li
      className="voting-results__item"
      aria-label={`${result.cardText}: ${result.votes} vote${result.votes === 1 ? '' : 's'}`}
    >
      <span className="voting-results__rank">{result.rank}.</span>
      <span className="voting-results__text">
        {result.cardText || 'Empty card'}
        {onBoard ? null : <span className="voting-results__gone"> (deleted card)</span>}
      </span>
      <span className="voting-results__votes">
        {result.votes} vote{result.votes === 1 ? '' : 's'}
      </span>
      <span className="voting-results__where">
        {result.stageTitle} · {result.laneTitle}
      </span>
      {result.voters && result.voters.length > 0 ? (
        <span className="voting-results__voters">
          {result.voters
            .map((voter) => (voter.votes > 1 ? `${voter.name} (${voter.votes})` : voter.name))
            .join(', ')}
        </span>
      ) : null}
    </li>
  );
}

/** Reopens the latest revealed results (after "Close results"). */
export function ResultsToggle() {
  const latest =
    useVoteRounds((rounds) => rounds.find((round) => round.status === 'ended') ?? null).data ??
    null;
  const shown = useVotingUi((state) => state.shownResultsId !== null);
  if (!latest || shown) return null;
  return (
    <button
      type="button"
      className="button button--ghost"
      title="Show the latest voting results"
      onClick={() => useVotingUi.getState().showResults(latest.id)}
    >
      Results
    </button>
  );
}

const closeResults = () => useVotingUi.getState().showResults(null);
