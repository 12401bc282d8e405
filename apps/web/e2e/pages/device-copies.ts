import type { Page } from '@playwright/test';

/** The maps this browser keeps in IndexedDB (apps/web/src/offline/device-copies.ts), by database name. */
export function mapsKeptOnThisDevice(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((database) => database.name ?? '')
      .filter((name) => name.startsWith('journeyboard:map:')),
  );
}
