import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { appliedZoom } from './board-zoom.ts';
import { STAGE_WIDTH_MAX, STAGE_WIDTH_MIN, useStageWidths } from './stage-widths.ts';

/** One arrow press; with Shift, four. */
const KEY_STEP = 20;

/**
 * The right edge of a stage's header: drag it (or focus it and press ← / →,
 * Home / End) to resize the column; a double click returns it to the width
 * that adapts to its content. The width is this person's, kept on this device.
 */
export function StageResizeHandle({ stageId, title }: { stageId: string; title: string }) {
  const { widthOf, setWidth } = useStageWidths();
  const drag = useRef<{ x: number; width: number; zoom: number } | null>(null);
  if (!setWidth) return null;
  const width = widthOf(stageId);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    // Never a stage drag or a selection box underneath.
    event.stopPropagation();
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const board = event.currentTarget.closest<HTMLElement>('.board');
    drag.current = { x: event.clientX, width, zoom: board ? appliedZoom(board) : 1 };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    setWidth(stageId, start.width + (event.clientX - start.x) / start.zoom);
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    let next: number | null;
    if (event.key === 'ArrowLeft') next = width - step;
    else if (event.key === 'ArrowRight') next = width + step;
    else if (event.key === 'Home') next = STAGE_WIDTH_MIN;
    else if (event.key === 'End') next = STAGE_WIDTH_MAX;
    else return;
    event.preventDefault();
    event.stopPropagation();
    setWidth(stageId, next);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize stage ${title}`}
      aria-valuenow={Math.round(width)}
      aria-valuemin={STAGE_WIDTH_MIN}
      aria-valuemax={STAGE_WIDTH_MAX}
      aria-valuetext={`${Math.round(width)} pixels wide`}
      tabIndex={0}
      className="stage-resize"
      title="Drag to resize; double-click to fit the content"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => setWidth(stageId, null)}
      onKeyDown={onKeyDown}
    />
  );
}
