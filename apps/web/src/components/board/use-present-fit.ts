import { useLayoutEffect, useState, type RefObject } from 'react';
import { applyZoom } from './board-zoom.ts';
import { searchFitZoom, type Size } from './canvas-geometry.ts';
import { LANE_TITLE_WIDTH } from './layout.ts';
import { stageWidthVar } from './stage-widths.ts';

/** The zoom a presented stage is drawn at when the screen has room for it. */
export const PRESENT_ZOOM_MAX = 1.5;
/** Never smaller than the board at 100 %: the room still reads every card. */
export const PRESENT_ZOOM_MIN = 1;

/** How a presented stage is drawn: its zoom and its column's width (board px). */
export interface PresentFit {
  readonly zoom: number;
  readonly columnWidth: number;
}

/**
 * The largest zoom between PRESENT_ZOOM_MIN and PRESENT_ZOOM_MAX at which the
 * presented stage fits the room left under the bar and the journey (`area`'s
 * content box), its column as wide as the area at that zoom (its cards side by
 * side; never narrower than its column on the board, `boardWidth`). A stage
 * that is taller even at the smallest zoom scrolls inside the area.
 *
 * The stage's height is not proportional to the zoom (a wider column puts more
 * cards on a row), so it is measured: `searchFitZoom` lays the board out at a
 * few zooms, on the element directly, and leaves it at the one chosen, which
 * BoardGrid is then rendered with — all before the paint. Fitted again when
 * the area is resized, another stage is shown, or the stage's content grows
 * or shrinks (someone edits while it is presented).
 */
export function usePresentFit(
  areaRef: RefObject<HTMLElement | null>,
  stageId: string | undefined,
  boardWidth: number,
): PresentFit {
  const [fit, setFit] = useState<PresentFit>({
    zoom: PRESENT_ZOOM_MAX,
    columnWidth: boardWidth,
  });
  useLayoutEffect(() => {
    const area = areaRef.current;
    const board = area?.querySelector<HTMLElement>('.board');
    if (!area || !board || stageId === undefined || typeof ResizeObserver === 'undefined') return;
    // The board's height at the fit chosen last: a resize to another height is new content.
    let fittedHeight = -1;
    const refit = () => {
      const room = contentBox(area);
      // Less a pixel for each column's border, so the board never scrolls sideways.
      const widthAt = (zoom: number) =>
        Math.max(boardWidth, Math.floor(room.width / zoom - LANE_TITLE_WIDTH) - 2);
      const layOut = (zoom: number): Size => {
        applyZoom(board, zoom);
        board.style.setProperty(stageWidthVar(stageId), `${widthAt(zoom)}px`);
        const box = board.getBoundingClientRect();
        return { width: box.width, height: box.height };
      };
      const zoom = searchFitZoom(layOut, room, { min: PRESENT_ZOOM_MIN, max: PRESENT_ZOOM_MAX });
      fittedHeight = layOut(zoom).height;
      const columnWidth = widthAt(zoom);
      setFit((last) =>
        last.zoom === zoom && last.columnWidth === columnWidth ? last : { zoom, columnWidth },
      );
    };
    refit();
    const observer = new ResizeObserver((entries) => {
      const contentChanged = entries.some(
        (entry) =>
          entry.target === board &&
          Math.abs(board.getBoundingClientRect().height - fittedHeight) > 0.5,
      );
      if (contentChanged || entries.some((entry) => entry.target === area)) refit();
    });
    observer.observe(area);
    observer.observe(board);
    return () => observer.disconnect();
  }, [areaRef, stageId, boardWidth]);
  return fit;
}

/** An element's content box on screen (its size less its padding and scrollbar). */
function contentBox(element: HTMLElement): Size {
  const style = getComputedStyle(element);
  const padding = (a: string, b: string) =>
    Number.parseFloat(style.getPropertyValue(a)) + Number.parseFloat(style.getPropertyValue(b));
  return {
    width: element.clientWidth - padding('padding-left', 'padding-right'),
    height: element.clientHeight - padding('padding-top', 'padding-bottom'),
  };
}
