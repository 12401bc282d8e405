import { useUiStore } from '../../state/ui-store.ts';
import { FitIcon, ZoomInIcon, ZoomOutIcon } from '../common/icons.tsx';
import './zoom-controls.css';

const STEP = 1.2;

/** Zoom out / level / zoom in / fit. Ctrl or Cmd + wheel zooms too; Space + drag pans. */
export function ZoomControls({ onFit }: { onFit: () => void }) {
  const zoom = useUiStore((state) => state.zoom);
  const setZoom = useUiStore((state) => state.setZoom);
  return (
    <div className="button-group zoom-controls" role="group" aria-label="Zoom">
      <button
        type="button"
        className="icon-button"
        aria-label="Zoom out"
        onClick={() => setZoom(zoom / STEP)}
      >
        <ZoomOutIcon />
      </button>
      <button
        type="button"
        className="zoom-controls__level"
        aria-label={`Zoom ${Math.round(zoom * 100)} %, reset to 100 %`}
        data-testid="zoom-level"
        onClick={() => setZoom(1)}
      >
        {Math.round(zoom * 100)}%
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Zoom in"
        onClick={() => setZoom(zoom * STEP)}
      >
        <ZoomInIcon />
      </button>
      <button type="button" className="icon-button" aria-label="Fit to screen" onClick={onFit}>
        <FitIcon />
      </button>
    </div>
  );
}
