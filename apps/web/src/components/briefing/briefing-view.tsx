import { buildBriefing, evidenceLabel, laneKindOf, levelLabel } from '@journeyboard/shared/board';
import type { TMapLifecycle, TMapPersona } from '@journeyboard/shared';
import { useMemo, type ReactNode } from 'react';
import { useBoardSnapshot } from '../../board/use-board.ts';
import { useLatestVote, useLatestVoteCounts } from '../../briefing/briefing-queries.ts';
import { useMapPersonas } from '../../personas/persona-queries.ts';
import { LifecycleSummary } from '../lifecycle/lifecycle-summary.tsx';
import { PersonaCard } from '../personas/persona-card.tsx';
import { DepartmentHeatmap } from './department-heatmap.tsx';
import { EmotionChart } from './emotion-chart.tsx';
import { EvidenceLabel } from './evidence-label.tsx';
import { OpportunityMatrix } from './opportunity-matrix.tsx';
import { RoomVote } from './room-vote.tsx';
import { BriefingSection } from './section.tsx';
import { SinceLastReview } from './since-last-review.tsx';
import './briefing.css';

const percent = (share: number) => `${Math.round(share * 100)} %`;
// Section names from the lane-kind registry: a renamed kind renames its section.
const pain = laneKindOf('pain');
const opportunity = laneKindOf('opportunity');
const backstage = laneKindOf('backstage');
const metric = laneKindOf('metric');

/**
 * The leadership briefing of the open map: computed from the live board
 * snapshot (the same Y.Doc the board renders, so it follows every change)
 * and the latest voting results, by the shared `buildBriefing`. Lane kinds
 * come from the registry: their names label the sections.
 */
export function BriefingView({
  mapId,
  title,
  lifecycle,
  toolbar,
}: {
  mapId: string;
  title: string | null;
  /**
   * The map's status, owner and next review: who answers for what the reader
   * is about to see, and when it is looked at again.
   */
  lifecycle?: TMapLifecycle | undefined;
  /** The page's own links and buttons (board, print). */
  toolbar?: ReactNode;
}) {
  const board = useBoardSnapshot();
  const votes = useLatestVoteCounts(mapId);
  const lastVote = useLatestVote(mapId);
  const personas = useMapPersonas(mapId).data;
  const briefing = useMemo(() => buildBriefing(board, votes), [board, votes]);
  const anyVotes = votes !== undefined && votes.size > 0;

  return (
    <article className="briefing" aria-labelledby="briefing-title">
      <header className="briefing__header">
        <div>
          <p className="briefing__kicker">Leadership briefing</p>
          <h1 id="briefing-title" className="briefing__title">
            {title ?? 'Journey map'}
          </h1>
          {lifecycle ? <LifecycleSummary lifecycle={lifecycle} /> : null}
          <p className="briefing__meta">
            {/* Spelled out: "12/6/2026" is the 6th of December or the 12th of June. */}
            Live: follows every change to the map.{' '}
            {new Date().toLocaleDateString(undefined, { dateStyle: 'long' })}
          </p>
        </div>
        {toolbar ? <div className="briefing__toolbar">{toolbar}</div> : null}
      </header>
      <div className="briefing__sections">
        <SinceLastReview />
        <BriefingSection
          title="Emotion across the journey"
          empty={
            briefing.emotion.points.every((point) => point.score === null)
              ? 'No emotion scores yet: score the stages on the board’s emotion lane.'
              : null
          }
          wide
        >
          <EmotionChart emotion={briefing.emotion} />
        </BriefingSection>

        <BriefingSection
          title={`Top ${pain.label.toLowerCase()}`}
          empty={
            briefing.painPoints.length === 0
              ? `No ${pain.label.toLowerCase()} on the map yet.`
              : null
          }
        >
          <p className="briefing-section__note">
            Ranked by severity × (votes + 1)
            {anyVotes
              ? ', votes from the latest voting rounds.'
              : '; no voting round has ended yet.'}
          </p>
          <ol className="briefing-list" aria-label={`Top ${pain.label.toLowerCase()}`}>
            {briefing.painPoints.map((item) => (
              <li key={item.id} className="briefing-list__item">
                <span className="briefing-list__text">{item.text}</span>
                <span className="briefing-list__meta">
                  {item.stageTitle} ·{' '}
                  {item.severity ? `${levelLabel(item.severity)} severity` : 'Severity not set'} ·{' '}
                  {item.votes === 1 ? '1 vote' : `${item.votes} votes`} ·{' '}
                  <EvidenceLabel level={item.evidence} />
                </span>
              </li>
            ))}
          </ol>
        </BriefingSection>

        <RoomVote vote={lastVote} board={board} />

        <BriefingSection
          title="Moments of truth"
          empty={
            briefing.momentsOfTruth.length === 0
              ? 'No moments of truth marked yet: flag a stage or a card on the board.'
              : null
          }
        >
          <ul className="briefing-list">
            {briefing.momentsOfTruth.map((moment) => (
              <li key={`${moment.kind}:${moment.id}`} className="briefing-list__item">
                <span className="briefing-list__text">{moment.text}</span>
                <span className="briefing-list__meta">
                  {moment.kind === 'stage'
                    ? ['The whole stage', moment.detail].filter(Boolean).join(' · ')
                    : moment.stageTitle}
                </span>
              </li>
            ))}
          </ul>
        </BriefingSection>

        <BriefingSection
          title={`${opportunity.label}: impact × effort`}
          empty={
            briefing.opportunities.length === 0
              ? `No ${opportunity.label.toLowerCase()} on the map yet.`
              : null
          }
          wide
        >
          <OpportunityMatrix opportunities={briefing.opportunities} />
        </BriefingSection>

        <BriefingSection
          title="Owners and departments"
          empty={
            briefing.departments.length === 0
              ? `No owners yet: give the ${backstage.label.toLowerCase()} cards an owner.`
              : null
          }
          wide
        >
          <ul className="briefing-departments">
            {briefing.departments.map((department) => (
              <li key={department.name}>
                <strong>{department.name}</strong>:{' '}
                {department.cards.map((card) => `${card.text} (${card.stageTitle})`).join('; ')}
              </li>
            ))}
          </ul>
          <h3 className="briefing-section__subtitle">Pain points in the stages each owns</h3>
          <DepartmentHeatmap briefing={briefing} />
        </BriefingSection>

        <BriefingSection
          title={metric.label}
          empty={
            briefing.metrics.length === 0
              ? `No ${metric.label.toLowerCase()} on the map yet.`
              : null
          }
        >
          {/* Scrolls sideways on a phone rather than widening the page; focusable so keys scroll it. */}
          <div className="briefing-scroll" tabIndex={0} role="region" aria-label="Metrics table">
            <table className="briefing-table">
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Current</th>
                  <th scope="col">Target</th>
                </tr>
              </thead>
              <tbody>
                {briefing.metrics.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">{item.name}</th>
                    <td>{item.stageTitle}</td>
                    <td>{item.current || '—'}</td>
                    <td>{item.target || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </BriefingSection>

        <BriefingSection
          title="Evidence coverage"
          empty={briefing.evidence.total === 0 ? 'No cards on the map yet.' : null}
        >
          <div className="briefing-coverage__bar" aria-hidden="true">
            {briefing.evidence.shares.map((share) =>
              share.cards > 0 ? (
                <span
                  key={share.level ?? 'none'}
                  className={`briefing-coverage__part briefing-coverage__part--${share.level ?? 'none'}`}
                  style={{ flexGrow: share.cards }}
                />
              ) : null,
            )}
          </div>
          <ul className="briefing-coverage" aria-label="Evidence coverage">
            {briefing.evidence.shares.map((share) => (
              <li key={share.level ?? 'none'}>
                <span
                  className={`briefing-coverage__swatch briefing-coverage__part--${share.level ?? 'none'}`}
                />
                {evidenceLabel(share.level)}: {percent(share.share)}{' '}
                <span className="muted">
                  ({share.cards} of {briefing.evidence.total})
                </span>
              </li>
            ))}
          </ul>
        </BriefingSection>

        <BriefingSection
          title="Personas"
          empty={
            personas === undefined
              ? null
              : personas.length === 0
                ? 'No personas linked to this map yet.'
                : null
          }
        >
          <Personas personas={personas} />
        </BriefingSection>
      </div>
    </article>
  );
}

function Personas({ personas }: { personas: readonly TMapPersona[] | undefined }) {
  if (!personas) return <p className="briefing-section__empty">Loading personas…</p>;
  return (
    <div className="briefing-personas">
      {personas.map((persona) => (
        <PersonaCard
          key={persona.id}
          persona={persona}
          badge={persona.primary ? 'Primary' : undefined}
        />
      ))}
    </div>
  );
}
