import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Stage } from '../../board/use-board.ts';
import { BoardPrintPages } from './board-print-pages.tsx';
import { LANE_TITLE_WIDTH } from './layout.ts';
import { planPrint } from './print-layout.ts';
import type { StageWidths } from './stage-widths.ts';

/** The board's padding and the "add lane" column beside the lanes. */
const BOARD_SLACK_PX = 48;

/**
 * The page setup for printing this board (print.css draws the print mode):
 * the paper and the zoom that fit its width. A `<style>` because `@page`
 * can't read a custom property; React hoists nothing here, it stays with the board.
 *
 * A board too wide for one A3 page at 7 pt prints as groups of stages
 * (`BoardPrintPages`, the same renderer in `print` mode), drawn only while
 * printing: `beforeprint` renders them synchronously (flushSync) before the
 * browser lays the page out — Ctrl+P, the export menu's print and a
 * headless browser's PDF alike — and `afterprint` takes them away, so the
 * screen never pays for a second board.
 */
export function BoardPrintSetup({
  stages,
  widths,
}: {
  stages: readonly Stage[];
  widths: StageWidths;
}) {
  const plan = useMemo(
    () =>
      planPrint(
        stages.map((stage) => widths.widthOf(stage.id)),
        { laneTitleWidth: LANE_TITLE_WIDTH, slack: BOARD_SLACK_PX },
      ),
    [stages, widths],
  );
  const paged = plan.pages.length > 1;
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!paged) return;
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [paged]);
  return (
    <>
      <style>{`@page { size: ${plan.paper} landscape; margin: 10mm; }
@media print { .board { --print-zoom: ${plan.zoom}; } }`}</style>
      {paged && printing ? <BoardPrintPages plan={plan} stages={stages} widths={widths} /> : null}
    </>
  );
}
