import { LANE_TITLE_WIDTH } from './layout.ts';
import { printLayout } from './print-layout.ts';

/** The board's padding and the "add lane" column beside the lanes. */
const BOARD_SLACK_PX = 48;

/**
 * The page setup for printing this board (print.css draws the print mode):
 * the paper and the zoom that fit its width. A `<style>` because `@page`
 * can't read a custom property; React hoists nothing here, it stays with the board.
 */
export function BoardPrintSetup({ stageWidths }: { stageWidths: readonly number[] }) {
  const width = LANE_TITLE_WIDTH + stageWidths.reduce((sum, w) => sum + w, 0) + BOARD_SLACK_PX;
  const { paper, zoom } = printLayout(width);
  return (
    <style>{`@page { size: ${paper} landscape; margin: 10mm; }
@media print { .board { --print-zoom: ${zoom}; } }`}</style>
  );
}
