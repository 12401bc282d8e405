import { applyUpdate, useAppUpdate, type AppUpdateStatus } from '../../offline/app-update.ts';

const MESSAGES: Record<Exclude<AppUpdateStatus, 'current'>, string> = {
  'update-ready': 'A new version of Journeyboard is available.',
  'reload-needed': 'Journeyboard was updated in another tab. Reload this page when you’re ready.',
  outdated: 'Journeyboard was updated, and part of this page is gone. Reload the page to go on.',
};

/** Offers a new deploy; the person decides when the page reloads (offline/app-update.ts). */
export function UpdateBanner() {
  const status = useAppUpdate((store) => store.status);
  const applying = useAppUpdate((store) => store.applying);
  if (status === 'current') return null;
  const justReload = status !== 'update-ready';
  return (
    <div className="update-banner" role="status">
      <span>{MESSAGES[status]}</span>
      <button
        type="button"
        className="button button--primary"
        disabled={applying}
        // Clicking moves focus here first, so an open card editor saves on blur. Only a waiting
        // worker needs activating first; otherwise the new code is already what a reload gets.
        onClick={() => (justReload ? window.location.reload() : void applyUpdate())}
      >
        Reload
      </button>
    </div>
  );
}
