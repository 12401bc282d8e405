import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { appliedZoom } from './board-zoom.ts';
import { STAGE_WIDTH_MAX, STAGE_WIDTH_MIN, useStageWidths } from './stage-widths.ts';

/** One arrow press; with Shift, four. */
const KEY_STEP = 20;

interface Guide {
  readonly x: number;
  readonly top: number;
  readonly height: number;
  readonly width: number;
}

/**
 * The right edge of a stage's header: drag it (or focus it and press ← / →,
 * Home / End) to resize the column; a double click returns it to the width
 * that adapts to its content. The width is this person's, kept on this device.
 * While dragging, a guide line shows where the edge will be: the board is laid
 * out once, on release, however many cards it has.
 */
export function StageResizeHandle({ stageId, title }: { stageId: string; title: string }) {
  const { widthOf, setWidth } = useStageWidths();
  const drag = useRef<{
    x: number;
    width: number;
    zoom: number;
    top: number;
    height: number;
  } | null>(null);
  const [guide, setGuide] = useState<Guide | null>(null);
  if (!setWidth) return null;
  const width = widthOf(stageId);
  const widthAt = (clientX: number) => {
    const start = drag.current;
    if (!start) return width;
    const next = start.width + (clientX - start.x) / start.zoom;
    return Math.min(STAGE_WIDTH_MAX, Math.max(STAGE_WIDTH_MIN, next));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    // Never a stage drag or a selection box underneath.
    event.stopPropagation();
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const board = event.currentTarget.closest<HTMLElement>('.board');
    // The guide spans the visible canvas (the scroller), else the board.
    const view = (board?.closest('.board-scroll') ?? board)?.getBoundingClientRect();
    drag.current = {
      x: event.clientX,
      width,
      zoom: board ? appliedZoom(board) : 1,
      top: view?.top ?? 0,
      height: view?.height ?? window.innerHeight,
    };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    const next = widthAt(event.clientX);
    setGuide({
      x: start.x + (next - start.width) * start.zoom,
      top: start.top,
      height: start.height,
      width: next,
    });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current && guide) setWidth(stageId, widthAt(event.clientX));
    drag.current = null;
    setGuide(null);
  };
  const onPointerCancel = () => {
    drag.current = null;
    setGuide(null);
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
    <>
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
        onPointerCancel={onPointerCancel}
        onDoubleClick={() => setWidth(stageId, null)}
        onKeyDown={onKeyDown}
      />
      {guide
        ? createPortal(
            <div
              className="stage-resize-guide"
              style={{ left: guide.x, top: guide.top, height: guide.height }}
              aria-hidden="true"
            >
              <span className="stage-resize-guide__label">{Math.round(guide.width)} px</span>
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
