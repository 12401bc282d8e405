import { create } from 'zustand';

/**
 * A new deploy's service worker, and what this tab does about it.
 *
 * current        running the version that controls the page
 * update-ready   a new version is installed and waiting; the person chooses when to reload
 * reload-needed  another tab switched to the new version, so this tab's code is older than
 *                the app shell the worker now serves; it asks for a reload, never forces one
 * outdated       a part of the app this tab loads on demand is gone from the server (a new
 *                deploy replaced it, and no service worker kept it); it asks for a reload too
 *
 * Never an automatic reload: a reload drops the card text being typed (saved on blur or
 * Ctrl+Enter only). Board edits themselves are already in IndexedDB and in the Y.Doc.
 */
export type AppUpdateStatus = 'current' | 'update-ready' | 'reload-needed' | 'outdated';

interface AppUpdateStore {
  readonly status: AppUpdateStatus;
  /** This tab asked for the update: it reloads itself once the new worker is in control. */
  readonly applying: boolean;
  readonly activate: (() => Promise<void>) | null;
}

export const useAppUpdate = create<AppUpdateStore>(() => ({
  status: 'current',
  applying: false,
  activate: null,
}));

/** The registration found a waiting worker; `activate` tells it to skip waiting. */
export function updateReady(activate: () => Promise<void>): void {
  useAppUpdate.setState({ status: 'update-ready', activate });
}

/** The person pressed "Reload": let the new worker take over (then `newVersionInControl`). */
export async function applyUpdate(): Promise<void> {
  const { activate } = useAppUpdate.getState();
  if (!activate) return;
  useAppUpdate.setState({ applying: true });
  await activate();
}

/** The new worker controls this tab now. Reload only the tab whose person asked for it. */
export function newVersionInControl(reload: () => void): void {
  if (useAppUpdate.getState().applying) reload();
  else useAppUpdate.setState({ status: 'reload-needed' });
}

/**
 * Vite reports a failed load of an on-demand part of the app (`vite:preloadError`): after a
 * deploy, this tab's code names files the server no longer has (it answers 404, see the
 * server's web-app.ts). Nothing but a reload brings them back.
 */
export function watchForMissingCode(target: Pick<EventTarget, 'addEventListener'> = window): void {
  target.addEventListener('vite:preloadError', () => useAppUpdate.setState({ status: 'outdated' }));
}
