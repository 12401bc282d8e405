import type { Briefing } from '@journeyboard/shared/board';

/**
 * Departments (backstage owners) × stages: in each stage a department owns,
 * the pain points there, shaded by their summed severity; blank where it
 * owns nothing.
 */
export function DepartmentHeatmap({ briefing }: { briefing: Briefing }) {
  const max = Math.max(
    1,
    ...briefing.heatmap.flatMap((row) => row.cells.map((cell) => cell.weight)),
  );
  return (
    <div
      className="briefing-heatmap briefing-scroll"
      tabIndex={0}
      role="region"
      aria-label="Heatmap"
    >
      <table>
        <caption className="visually-hidden">
          Pain points in the stages each department owns
        </caption>
        <thead>
          <tr>
            <th scope="col">Department</th>
            {briefing.stages.map((stage) => (
              <th key={stage.id} scope="col">
                {stage.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {briefing.heatmap.map((row) => (
            <tr key={row.department}>
              <th scope="row">{row.department}</th>
              {row.cells.map((cell) => (
                <td
                  key={cell.stageId}
                  className={cell.owned ? 'briefing-heatmap__owned' : 'briefing-heatmap__not-owned'}
                  style={
                    cell.owned
                      ? {
                          backgroundColor: `rgb(225 29 72 / ${(0.08 + (0.4 * cell.weight) / max).toFixed(2)})`,
                        }
                      : undefined
                  }
                >
                  {cell.owned ? (
                    <>
                      {cell.painPoints}
                      <span className="visually-hidden">
                        {cell.painPoints === 1 ? ' pain point' : ' pain points'}
                      </span>
                    </>
                  ) : (
                    <span className="visually-hidden">not owned</span>
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
