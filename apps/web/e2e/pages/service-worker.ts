import { expect, type Page } from '@playwright/test';

// String scripts: the e2e project has no DOM types.

/**
 * Waits until the app's service worker is active and controls `page` — from
 * then on a reload with no network gets the app shell from its cache.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  await expect.poll(() => page.evaluate('navigator.serviceWorker.controller !== null')).toBe(true);
}
