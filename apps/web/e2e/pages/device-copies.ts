import type { Page } from '@playwright/test';

/** The maps this browser keeps in IndexedDB (apps/web/src/offline/device-copies.ts), by database name. */
export function mapsKeptOnThisDevice(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((database) => database.name ?? '')
      .filter((name) => name.startsWith('journeyboard:map:')),
  );
}

/** Whether this device's preview of the open map (local-copy.ts) shows `text`. */
export function previewKeptWith(page: Page, text: string): Promise<boolean> {
  const mapId = new URL(page.url()).pathname.split('/')[2];
  return page.evaluate(
    async ({ name, text }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(`IndexedDB ${name} did not open`));
      });
      const kept = await new Promise<{ json?: string } | undefined>((resolve) => {
        const request = db.transaction('custom').objectStore('custom').get('board-preview');
        request.onsuccess = () => resolve(request.result as { json?: string } | undefined);
        request.onerror = () => resolve(undefined);
      });
      db.close();
      return kept?.json?.includes(text) ?? false;
    },
    { name: `journeyboard:map:${mapId}`, text },
  );
}
