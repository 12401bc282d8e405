import { BOARD_TEXT_LIMITS } from '@journeyboard/shared/board';
import { memo, useEffect, useRef, type ReactNode } from 'react';
import { reportRender } from '../../board/render-probe.ts';
import {
  EMOTION_MAX,
  EMOTION_MIN,
  cellKey,
  useBoardActions,
  useEmotion,
} from '../../board/use-board.ts';
import { CloseIcon } from '../common/icons.tsx';
import { InlineTextEdit } from '../common/inline-text-edit.tsx';
import { EmotionCellFrame, EmotionSummary } from './emotion-cell-frame.tsx';
import { describeScore, formatScore, scoreSign } from './emotion-scale.ts';

interface EmotionCellProps {
  stageId: string;
  laneId: string;
  stageTitle: string;
  laneTitle: string;
  /** This person's own rating while everyone rates (EmotionTrack). */
  extra?: ReactNode;
}

/**
 * The score of one stage in an emotion lane: in short (`−2 Very negative`,
 * its note) and, on hover or focus, a −2…+2 slider, the note and a clear
 * button. The curve above is the mouse's way to set it; the slider the
 * keyboard's (Tab to it, then the arrow keys).
 *
 * The slider is uncontrolled and listens to native events: React skips its
 * onChange when a script sets the value directly (as browser automation
 * does), and an unset score shows the thumb at 0, where a click must still
 * count as choosing 0.
 */
export const EmotionCell = memo(function EmotionCell({
  stageId,
  laneId,
  stageTitle,
  laneTitle,
  extra,
}: EmotionCellProps) {
  reportRender('EmotionCell', cellKey(stageId, laneId));
  const point = useEmotion(stageId, laneId);
  const actions = useBoardActions();
  const score = point?.score;
  const isSet = score !== undefined;
  const inputRef = useRef<HTMLInputElement>(null);

  // Keep the thumb where the document says (remote edits, undo, clear).
  useEffect(() => {
    if (inputRef.current) inputRef.current.value = String(score ?? 0);
  }, [score]);

  // Re-bound on every score change so the handlers see whether a score is set.
  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    const commit = () => actions.setEmotion(stageId, laneId, Number(input.value));
    const commitIfUnset = () => {
      if (!isSet) commit();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') commitIfUnset();
    };
    input.addEventListener('input', commit);
    input.addEventListener('change', commit);
    input.addEventListener('click', commitIfUnset);
    input.addEventListener('keydown', onKeyDown);
    return () => {
      input.removeEventListener('input', commit);
      input.removeEventListener('change', commit);
      input.removeEventListener('click', commitIfUnset);
      input.removeEventListener('keydown', onKeyDown);
    };
  }, [actions, stageId, laneId, isSet]);

  const sign = isSet ? scoreSign(score) : 'unset';
  return (
    <EmotionCellFrame
      stageId={stageId}
      laneId={laneId}
      stageTitle={stageTitle}
      laneTitle={laneTitle}
      sign={sign}
      extra={extra}
    >
      {/* What the cell shows: the score in short, its note. */}
      <EmotionSummary point={point} />
      {/* The editing controls, over the summary while the cell is pointed at or has focus. */}
      <div className="emotion-cell__control">
        <input
          ref={inputRef}
          type="range"
          className="emotion-cell__slider"
          min={EMOTION_MIN}
          max={EMOTION_MAX}
          step={1}
          defaultValue={score ?? 0}
          aria-label={`Emotion in ${stageTitle}`}
          aria-valuetext={isSet ? `${describeScore(score)} (${formatScore(score)})` : 'Not set'}
          data-unset={isSet ? undefined : 'true'}
        />
        {/* The score as it is set: the summary is hidden under the controls meanwhile. */}
        <output className="emotion-cell__value emotion-cell__live-score" aria-hidden="true">
          {isSet ? formatScore(score) : '–'}
        </output>
        {point ? (
          <InlineTextEdit
            className="emotion-cell__note"
            value={point.note}
            editLabel={
              point.note
                ? `Emotion note in ${stageTitle}: ${point.note}`
                : `Add emotion note in ${stageTitle}`
            }
            inputLabel="Emotion note"
            placeholder="Add note"
            tooltip={point.note || 'Add a note'}
            maxLength={BOARD_TEXT_LIMITS.emotionNote}
            onCommit={(note) => actions.setEmotionNote(stageId, laneId, note)}
          />
        ) : null}
        <button
          type="button"
          className="icon-button emotion-cell__clear"
          aria-label={`Clear emotion in ${stageTitle}`}
          title="Clear the score"
          disabled={!isSet}
          onClick={() => actions.clearEmotion(stageId, laneId)}
        >
          <CloseIcon size={14} />
        </button>
      </div>
    </EmotionCellFrame>
  );
});
