import {
  levelLabel,
  LEVELS,
  type BriefingOpportunity,
  type Level,
} from '@journeyboard/shared/board';

/**
 * Opportunities on an impact × effort grid: impact high at the top, effort
 * low on the left, so quick wins (high impact, low effort) sit top left and
 * are highlighted. Unrated ones are listed under it.
 */
export function OpportunityMatrix({
  opportunities,
}: {
  opportunities: readonly BriefingOpportunity[];
}) {
  const rated = opportunities.filter((item) => item.impact !== null && item.effort !== null);
  const unrated = opportunities.filter((item) => item.impact === null || item.effort === null);
  const at = (impact: Level, effort: Level) =>
    rated.filter((item) => item.impact === impact && item.effort === effort);
  const impacts = [...LEVELS].reverse();
  return (
    <div className="briefing-matrix">
      <div
        className="briefing-scroll"
        tabIndex={0}
        role="region"
        aria-label="Impact and effort matrix"
      >
        <table className="briefing-matrix__grid">
          <caption className="visually-hidden">
            Opportunities by impact (rows) and effort (columns)
          </caption>
          <thead>
            <tr>
              <th scope="col">Impact \ effort</th>
              {LEVELS.map((effort) => (
                <th key={effort} scope="col">
                  Effort {levelLabel(effort).toLowerCase()}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {impacts.map((impact) => (
              <tr key={impact}>
                <th scope="row">Impact {levelLabel(impact).toLowerCase()}</th>
                {LEVELS.map((effort) => {
                  const items = at(impact, effort);
                  const quickWin =
                    items.some((item) => item.quickWin) || (impact === 3 && effort === 1);
                  return (
                    <td
                      key={effort}
                      className={quickWin ? 'briefing-matrix__cell--quick-win' : undefined}
                    >
                      {impact === 3 && effort === 1 ? (
                        <span className="briefing-matrix__tag">Quick wins</span>
                      ) : null}
                      <ul>
                        {items.map((item) => (
                          <li key={item.id}>
                            {item.text} <span className="muted">({item.stageTitle})</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unrated.length > 0 ? (
        <p className="briefing-matrix__unrated">
          Not yet rated for impact and effort: {unrated.map((item) => item.text).join('; ')}
        </p>
      ) : null}
    </div>
  );
}
