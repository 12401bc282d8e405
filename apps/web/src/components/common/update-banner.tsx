import { applyUpdate, useAppUpdate } from '../../offline/app-update.ts';

/** Offers a new deploy; the person decides when the page reloads (offline/app-update.ts). */
export function UpdateBanner() {
  const status = useAppUpdate((store) => store.status);
  const applying = useAppUpdate((store) => store.applying);
  if (status === 'current') return null;
  const updatedElsewhere = status === 'reload-needed';
  return (
    <div className="update-banner" role="status">
      <span>
        {updatedElsewhere
          ? 'Journeyboard was updated in another tab. Reload this page when you’re ready.'
          : 'A new version of Journeyboard is available.'}
      </span>
      <button
        type="button"
        className="button button--primary"
        disabled={applying}
        // Clicking moves focus here first, so an open card editor saves on blur.
        onClick={() => (updatedElsewhere ? window.location.reload() : void applyUpdate())}
      >
        Reload
      </button>
    </div>
  );
}
