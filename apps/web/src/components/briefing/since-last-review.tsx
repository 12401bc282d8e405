import { versionTitle } from '@journeyboard/shared';
import {
  briefingChanges,
  diffBoards,
  laneKindOf,
  levelLabel,
  readBoardState,
} from '@journeyboard/shared/board';
import { useDeferredValue, useMemo } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useBoardSnapshot } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useLastReview, useVersionState } from '../../history/version-queries.ts';
import { formatScore } from '../board/emotion-scale.ts';
import { RelativeTime } from '../common/relative-time.tsx';
import { BriefingSection } from './section.tsx';

const pain = laneKindOf('pain');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "What changed since the last review": the live board against the newest
 * "Mark as reviewed" version — or, when the map was never reviewed, its
 * newest named version, and the section says which. The server picks the
 * version (`routes.versions.lastReview`, the one rule for both); the comparison runs
 * here on the live snapshot, so it follows every edit like the rest of the
 * briefing. Share-link viewers get it too (`version.read`).
 */
export function SinceLastReview() {
  const lastReview = useLastReview();
  const version = lastReview.data ?? null;
  const state = useVersionState(version?.id ?? null);
  const live = useDeferredValue(useBoardSnapshot());
  const summary = useMemo(
    () =>
      state.data ? briefingChanges(diffBoards(readBoardState(state.data.state), live), live) : null,
    [state.data, live],
  );
  const canReview = useCan('map.review');
  const noReview = lastReview.data === null;
  const title = 'What changed since the last review';

  if (noReview) {
    // Only someone who can start it is told to: a leadership link can't mark anything.
    const start = canReview
      ? 'Mark it as reviewed on the board to start.'
      : 'It starts once the team marks the map as reviewed.';
    return (
      <BriefingSection
        title={title}
        empty={`Nothing to compare with yet: the map has no review or named version. ${start}`}
        wide
      />
    );
  }
  if (lastReview.error || state.error) {
    return (
      <BriefingSection title={title} empty={errorMessage(lastReview.error ?? state.error)} wide />
    );
  }
  if (!version || !summary) {
    return <BriefingSection title={title} empty="Loading what changed…" wide />;
  }
  const { counts } = summary;
  const parts = [
    counts.added ? plural(counts.added, 'card added', 'cards added') : '',
    counts.edited ? plural(counts.edited, 'card edited', 'cards edited') : '',
    counts.moved ? plural(counts.moved, 'card moved', 'cards moved') : '',
    counts.removed ? plural(counts.removed, 'card removed', 'cards removed') : '',
    counts.structure
      ? plural(counts.structure, 'stage or lane change', 'stage or lane changes')
      : '',
    counts.emotion ? plural(counts.emotion, 'emotion score changed', 'emotion scores changed') : '',
  ].filter(Boolean);
  return (
    <BriefingSection title={title} empty={null} wide>
      <p className="briefing-section__note" data-testid="since-review-from">
        {version.review ? 'Since ' : 'Not reviewed yet — since the named version '}“
        {versionTitle(version)}” (<RelativeTime iso={version.createdAt} />
        ).
      </p>
      {summary.total === 0 ? (
        <p className="briefing-section__empty">Nothing has changed since then.</p>
      ) : (
        <>
          <p data-testid="since-review-counts">{parts.join(', ')}.</p>
          {summary.newPainPoints.length > 0 ? (
            <>
              <h3 className="briefing-section__subtitle">New {pain.label.toLowerCase()}</h3>
              <ul className="briefing-list" aria-label={`New ${pain.label.toLowerCase()}`}>
                {summary.newPainPoints.map((item) => (
                  <li key={item.id} className="briefing-list__item">
                    <span className="briefing-list__text">{item.text}</span>
                    <span className="briefing-list__meta">
                      {item.stageTitle}
                      {item.severity ? ` · ${levelLabel(item.severity)} severity` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {summary.removedPainPoints.length > 0 ? (
            <>
              <h3 className="briefing-section__subtitle">{pain.label} no longer on the map</h3>
              <ul className="briefing-list">
                {summary.removedPainPoints.map((item) => (
                  <li key={item.id} className="briefing-list__item">
                    <span className="briefing-list__text">{item.text}</span>
                    <span className="briefing-list__meta">{item.stageTitle}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {summary.emotionShifts.length > 0 ? (
            <>
              <h3 className="briefing-section__subtitle">Emotion changes</h3>
              <ul className="briefing-list" aria-label="Emotion changes">
                {summary.emotionShifts.map((shift) => (
                  <li key={shift.stageId} className="briefing-list__item">
                    <span className="briefing-list__text">{shift.stageTitle}</span>
                    <span className="briefing-list__meta">
                      {shift.from === null ? 'not scored' : formatScore(shift.from)} →{' '}
                      {shift.to === null ? 'not scored' : formatScore(shift.to)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </BriefingSection>
  );
}
