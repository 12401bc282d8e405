import { useUiStore } from '../../state/ui-store.ts';
import { FitIcon, FitStageIcon, FitWidthIcon, ZoomInIcon, ZoomOutIcon } from '../common/icons.tsx';
import type { CanvasZoom } from './use-canvas-zoom.ts';
import './zoom-controls.css';

/**
 * Zoom out / level (resets to 100 %) / zoom in / fit the board / fit width /
 * fit the stage. The same from the keyboard (see keyboard-help.tsx); Ctrl or
 * ⌘ + wheel and pinch zoom around the pointer; Space + drag pans.
 */
export function ZoomControls({ canvas }: { canvas: CanvasZoom }) {
  // The level a wheel or pinch gesture lands on shows once it rests, not on each of its frames:
  // any repaint during the gesture re-records the whole board's paint (use-canvas-zoom.ts).
  const zoom = useUiStore((state) => state.zoom);
  const percent = Math.round(zoom * 100);
  return (
    <div className="button-group zoom-controls" role="group" aria-label="Zoom">
      <button
        type="button"
        className="icon-button"
        aria-label="Zoom out"
        title="Zoom out (−)"
        onClick={canvas.zoomOut}
      >
        <ZoomOutIcon />
      </button>
      <button
        type="button"
        className="zoom-controls__level"
        aria-label={`Zoom ${percent} %, reset to 100 %`}
        title="Reset to 100 % (Shift+0)"
        data-testid="zoom-level"
        onClick={canvas.resetZoom}
      >
        {percent}%
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Zoom in"
        title="Zoom in (+)"
        onClick={canvas.zoomIn}
      >
        <ZoomInIcon />
      </button>
      <span className="zoom-controls__divider" aria-hidden="true" />
      <button
        type="button"
        className="icon-button"
        aria-label="Fit to screen"
        title="Fit the whole board (Shift+1)"
        onClick={canvas.fit}
      >
        <FitIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Fit width"
        title="Fit the board’s width (Shift+2)"
        onClick={canvas.fitWidth}
      >
        <FitWidthIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Fit stage"
        title="Fit the focused stage (Shift+3)"
        onClick={() => canvas.fitStage()}
      >
        <FitStageIcon />
      </button>
    </div>
  );
}
