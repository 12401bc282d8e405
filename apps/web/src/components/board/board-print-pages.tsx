import { useContext, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import type { Stage } from '../../board/use-board.ts';
import { PrintHeadingContext } from '../export/print-heading.tsx';
import { BoardGrid } from './board-grid.tsx';
import { BoardModeContext } from './board-mode.ts';
import type { PrintPlan } from './print-layout.ts';
import type { StageWidths } from './stage-widths.ts';

/**
 * A wide board on paper: one section per group of stages (`planPrint`),
 * each on its own page(s) with the map's heading, which stages it shows,
 * and the same board renderer in `print` mode for just those stages — so
 * the lane titles, the lanes' cards and the emotion curve's segment over
 * those stages come with every group. Rendered into <body>, beside the app
 * (print.css hides the app while these are there).
 */
export function BoardPrintPages({
  plan,
  stages,
  widths,
}: {
  plan: PrintPlan;
  stages: readonly Stage[];
  widths: StageWidths;
}) {
  const heading = useContext(PrintHeadingContext);
  return createPortal(
    <div className="print-pages" style={{ '--print-zoom': plan.zoom } as CSSProperties}>
      {plan.pages.map((group, index) => {
        const shown = group.flatMap((stageIndex) => stages[stageIndex] ?? []);
        const first = (group[0] ?? 0) + 1;
        const last = (group[group.length - 1] ?? 0) + 1;
        return (
          <section className="print-page" key={shown[0]?.id ?? index}>
            {heading}
            <p className="print-page__range">
              Stages {first}–{last} of {stages.length} · part {index + 1} of {plan.pages.length}
            </p>
            <BoardModeContext value="print">
              <BoardGrid stages={shown} columnWidths={widths} />
            </BoardModeContext>
          </section>
        );
      })}
    </div>,
    document.body,
  );
}
