import { roundToEmotionScale, type TRatingRound } from '@journeyboard/shared';
import { cellKey } from '@journeyboard/shared/board';
import { HeartPulse } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { FormDialog } from '../common/form-dialog.tsx';
import { useBoardActions, useEmotions, useLanes, useStages } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import {
  useMyRatings,
  useRatingActions,
  useRatingProgress,
  useRatingRounds,
  showsRoomScores,
  useRatingUi,
  useRunningRating,
} from '../../workshop/rating-queries.ts';
import { describeScore, formatScore } from '../board/emotion-scale.ts';
import { FormProblem } from '../common/form-problem.tsx';
import { GoToLane } from './go-to-lane.tsx';
import { roundProgressText } from '../../workshop/round-progress.ts';
import { useHereWhoCan } from '../../presence/use-presence.ts';
import './room.css';
import { BannerDetail } from './banner-stack.tsx';
import { ToolLabel } from './tool-label.tsx';

const SCALE = [-2, -1, 0, 1, 2] as const;

/** A facilitator's "Everyone rates": pick the emotion lane, start. Nothing while one runs. */
export function StartRating() {
  const canFacilitate = useCan('workshop.facilitate');
  const running = useRunningRating();
  const emotionLanes = useLanes().filter((lane) => lane.kind === 'emotion');
  const [open, setOpen] = useState(false);
  if (!canFacilitate || running || emotionLanes.length === 0) return null;
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label="Everyone rates"
        title="Everyone rates the emotion lane"
        onClick={() => setOpen(true)}
      >
        <HeartPulse size={16} aria-hidden="true" />
        <ToolLabel>Everyone rates</ToolLabel>
      </button>
      {open ? <RatingSetup onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function RatingSetup({ onClose }: { onClose: () => void }) {
  const lanes = useLanes().filter((lane) => lane.kind === 'emotion');
  const [laneId, setLaneId] = useState(lanes[0]?.id ?? '');
  const [named, setNamed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const actions = useRatingActions();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    actions.start({ laneId, anonymous: !named }).then(onClose, (error: unknown) => {
      setProblem(errorMessage(error));
      setBusy(false);
    });
  };
  return (
    <FormDialog
      title="Everyone rates"
      className="rating-setup"
      onSubmit={submit}
      onClose={onClose}
      submitLabel="Start rating"
      incomplete={!laneId}
      busy={busy}
      problem={problem}
    >
      <p className="muted">
        Each person sets their own score for every stage. Nobody sees anyone else’s until you reveal
        them; then the board shows the room’s mean and spread beside the curve.
      </p>
      {lanes.length > 1 ? (
        <>
          <label className="field__label" htmlFor={`${id}-lane`}>
            Emotion lane
          </label>
          <select
            id={`${id}-lane`}
            className="input"
            value={laneId}
            onChange={(event) => setLaneId(event.target.value)}
          >
            {lanes.map((lane) => (
              <option key={lane.id} value={lane.id}>
                {lane.title}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" checked={named} onChange={(e) => setNamed(e.target.checked)} />
        Show who gave which score at the reveal
      </label>
    </FormDialog>
  );
}

/**
 * While everyone rates: what to do, how many stages this person has rated,
 * and — for facilitators — "Reveal scores". After the reveal (the latest
 * round, until a facilitator closes it for everyone or this person hides it
 * for themselves): how many rated and — for facilitators who edit — "Use the
 * room's mean as the curve".
 */
export function RatingBanner() {
  const running = useRunningRating();
  const latest = useRatingRounds((rounds) => rounds[0] ?? null).data ?? null;
  const hidden = useRatingUi((state) => state.hidden);
  if (running) return <RunningBanner round={running} />;
  if (showsRoomScores(latest, hidden)) return <RevealedBanner round={latest} />;
  return null;
}

function RunningBanner({ round }: { round: TRatingRound }) {
  const canRate = useCan('emotion.rate');
  const canFacilitate = useCan('workshop.facilitate');
  const mine = useMyRatings();
  const stages = useStages();
  const actions = useRatingActions();
  const [problem, setProblem] = useState<string | null>(null);
  const lane = useLanes().find((item) => item.id === round.laneId);
  const reveal = () => {
    setProblem(null);
    actions.reveal(round.id).catch((error: unknown) => setProblem(errorMessage(error)));
  };
  const rated = mine?.roundId === round.id ? mine.scores.length : 0;
  return (
    <section className="voting-banner rating-banner" aria-label="Everyone rates">
      <HeartPulse size={18} aria-hidden="true" />
      <span>
        Everyone rates <span className="voting-banner__question">{round.laneTitle}</span>
        <BannerDetail>
          {canRate
            ? ': your own score for each stage. Until the reveal, the team’s curve is faded and'
            : '. Until the reveal,'}{' '}
          scores and pointers stay hidden.
        </BannerDetail>
      </span>
      {canRate ? (
        <span className="voting-banner__left" role="status">
          You rated {rated} of {stages.length} stages
        </span>
      ) : null}
      {canFacilitate ? <RatingProgress /> : null}
      <span className="voting-banner__spacer" />
      <GoToLane lane={lane} />
      <FormProblem as="span">{problem}</FormProblem>
      {canFacilitate ? (
        <button type="button" className="button button--primary" onClick={reveal}>
          Reveal scores
        </button>
      ) : null}
    </section>
  );
}

/** For facilitators: how many of those here have rated so far (when to reveal). Counts only. */
function RatingProgress() {
  const progress = useRatingProgress();
  const ratedMyself = (useMyRatings()?.scores.length ?? 0) > 0;
  const here = useHereWhoCan('emotion.rate', ratedMyself);
  if (!progress) return null;
  const { raters, scores } = progress;
  return (
    <span className="voting-banner__left" role="status">
      {roundProgressText({ done: raters, items: scores, here, verb: 'rated', item: 'score' })}
    </span>
  );
}

function RevealedBanner({ round }: { round: TRatingRound }) {
  const canFacilitate = useCan('workshop.facilitate');
  const canEdit = useCan('board.edit');
  const board = useBoardActions();
  const stages = useStages();
  const [adopted, setAdopted] = useState(false);
  const actions = useRatingActions();
  const [problem, setProblem] = useState<string | null>(null);
  const closeForEveryone = () => {
    setProblem(null);
    actions.close(round.id).catch((error: unknown) => setProblem(errorMessage(error)));
  };
  const onBoard = new Set(stages.map((stage) => stage.id));
  const meanCurve = (round.results ?? [])
    .filter((result) => onBoard.has(result.stageId))
    .map((result) => ({ stageId: result.stageId, score: roundToEmotionScale(result.mean) }));
  // Read from the board, not from the click: a participant who moved a point after the mean was
  // adopted left the button saying "Mean adopted" over a curve that no longer was the mean.
  const emotions = useEmotions();
  const curveIsMean = meanCurve.every(
    ({ stageId, score }) => emotions.get(cellKey(stageId, round.laneId))?.score === score,
  );
  // A board edit in this browser, through the typed board model: one step in this
  // person's own undo stack (Undo puts the curve back).
  const adopt = () => {
    board.setEmotionCurve(round.laneId, meanCurve);
    setAdopted(true);
  };
  const raters = round.raters ?? 0;
  return (
    <section className="voting-banner rating-banner" aria-label="The room's scores">
      <HeartPulse size={18} aria-hidden="true" />
      <span>
        The room’s scores for <span className="voting-banner__question">{round.laneTitle}</span>:{' '}
        {raters === 0 ? 'nobody rated' : `${raters} ${raters === 1 ? 'person' : 'people'} rated`}
        {round.anonymous ? ' · anonymous' : ''}
      </span>
      <RoomScoresList round={round} />
      <span className="voting-banner__spacer" />
      {canFacilitate && canEdit && meanCurve.length > 0 ? (
        <button
          type="button"
          className="button button--primary"
          onClick={adopt}
          disabled={curveIsMean}
        >
          {curveIsMean
            ? 'The curve is the room’s mean'
            : adopted
              ? 'The curve has changed since: use the mean again'
              : 'Use the room’s mean as the curve'}
        </button>
      ) : null}
      <FormProblem as="span">{problem}</FormProblem>
      {canFacilitate ? (
        // The room has seen them: off every board, the leaders' and the exports' too.
        <button type="button" className="button button--ghost" onClick={closeForEveryone}>
          Close room scores for everyone
        </button>
      ) : (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => useRatingUi.getState().hide(round.id)}
        >
          Hide room scores
        </button>
      )}
    </section>
  );
}

/** Every stage's mean, spread and, in named rounds, who gave which score. */
function RoomScoresList({ round }: { round: TRatingRound }) {
  const results = round.results ?? [];
  // "nobody rated" is already in the banner's sentence.
  if (results.length === 0) return null;
  return (
    <details className="rating-banner__details">
      <summary>Scores per stage</summary>
      <ul aria-label="Scores per stage">
        {results.map((result) => (
          <li key={result.stageId}>
            <strong>{result.stageTitle}</strong>: mean {formatScore(result.mean)} (
            {formatScore(result.min)} to {formatScore(result.max)}, n {result.n})
            {result.scores.some((score) => score.name)
              ? ` — ${result.scores.map((s) => `${s.name ?? '?'} ${formatScore(s.score)}`).join(', ')}`
              : ` — ${result.scores.map((s) => formatScore(s.score)).join(', ')}`}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * A score button's tooltip. Pressing one's score again clears it: said where the pointer is,
 * as a second tap by mistake took a score away without a word.
 */
const scoreTitle = (score: number, chosen: boolean) =>
  `${describeScore(score)} (${formatScore(score)})${chosen ? ': your score, press again to clear it' : ''}`;

/**
 * This person's own score for one stage while everyone rates (in the emotion
 * lane's cell): five buttons, −2…+2; pressing the chosen one clears it.
 */
export function OwnRating({
  round,
  stageId,
  stageTitle,
}: {
  round: TRatingRound;
  stageId: string;
  stageTitle: string;
}) {
  const mine = useMyRatings();
  const actions = useRatingActions();
  const [problem, setProblem] = useState<string | null>(null);
  const current = mine?.scores.find((score) => score.stageId === stageId)?.score ?? null;
  const choose = (score: number) => {
    setProblem(null);
    actions
      .rate({ roundId: round.id, stageId, score: score === current ? null : score })
      .catch((error: unknown) => setProblem(errorMessage(error)));
  };
  return (
    <div
      className="own-rating"
      role="group"
      aria-label={`Your score for ${stageTitle}`}
      data-testid="own-rating"
      data-stage-id={stageId}
    >
      <span className="own-rating__label">You</span>
      {SCALE.map((score) => (
        <button
          key={score}
          type="button"
          className={`own-rating__button own-rating__button--${score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral'}`}
          aria-pressed={current === score}
          aria-label={`${formatScore(score)} ${describeScore(score)}`}
          title={scoreTitle(score, current === score)}
          onClick={() => choose(score)}
        >
          {formatScore(score)}
        </button>
      ))}
      <FormProblem as="span">{problem}</FormProblem>
    </div>
  );
}
