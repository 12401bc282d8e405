/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from 'virtual:pwa-register';
import { newVersionInControl, updateReady } from './app-update.ts';

/** Long-lived tabs (a board open all day) learn about a deploy within this time. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker built by vite-plugin-pwa (vite.config.ts) so
 * the app shell survives a reload with no network. `vite dev` resolves the
 * virtual module to a no-op, so development never has a worker.
 */
export function registerServiceWorker(): void {
  const activate = registerSW({
    onNeedRefresh: () => updateReady(() => activate()),
    onNeedReload: () => newVersionInControl(() => window.location.reload()),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      window.setInterval(() => {
        if (!navigator.onLine) return;
        registration.update().catch(() => {
          // The server is unreachable right now; the next check tries again.
        });
      }, UPDATE_CHECK_MS);
    },
    onRegisterError: (error: unknown) => {
      // The app works without it, only not after a reload with no network.
      console.warn('Service worker registration failed', error);
    },
  });
}
