/**
 * The maps this device keeps, one IndexedDB database each (board/local-copy.ts:
 * the document's updates and the board's preview). Named here, and forgotten
 * here, without loading Yjs: signing out runs on pages that never open a board.
 */
const PREFIX = 'journeyboard:map:';

export const deviceCopyName = (mapId: string): string => `${PREFIX}${mapId}`;

/** Settles when the database is gone; a tab that has it open closes it (versionchange). */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
}

/** Deletes every map kept on this device, updates and preview (signing out). */
export async function forgetDeviceCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .map((database) => database.name ?? '')
      .filter((name) => name.startsWith(PREFIX))
      .map(deleteDatabase),
  );
}

/** Deletes one map kept on this device (the map is gone, or no longer ours). */
export function forgetDeviceCopy(mapId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return deleteDatabase(deviceCopyName(mapId));
}
