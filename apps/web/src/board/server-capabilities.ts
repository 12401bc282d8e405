import { SYNC_AUTH_MESSAGE, readCapabilitiesMessage, type MapAction } from '@journeyboard/shared';
import type { WebsocketProvider } from 'y-websocket';
import { ValueStore, type ReadableStore } from './value-store.ts';

/**
 * What this connection may do, as the sync server says right after it joins
 * (packages/shared/src/capabilities/sync-message.ts); null until it has
 * spoken. A role change makes the server close the socket with 4000; the
 * provider reconnects and the new list replaces the old one here, so the
 * page offers the new set without a reload; a close for good leaves none. The same message carries the
 * colour the server gave this person on the map (`onColor`).
 */
export function trackServerCapabilities(
  provider: WebsocketProvider,
  options: { onColor?: (color: string) => void } = {},
): ReadableStore<readonly MapAction[] | null> {
  const store = new ValueStore<readonly MapAction[] | null>(null);
  const stock = provider.messageHandlers[SYNC_AUTH_MESSAGE];
  provider.messageHandlers[SYNC_AUTH_MESSAGE] = (encoder, decoder, ...rest) => {
    const welcome = readCapabilitiesMessage(decoder);
    if (!welcome) {
      stock?.(encoder, decoder, ...rest);
      return;
    }
    store.set(welcome.capabilities);
    if (welcome.color) options.onColor?.(welcome.color);
  };
  // Ended for good (access revoked, signed out, link expired, map deleted): the server
  // takes nothing more from this page, so it offers nothing — the board turns read-only
  // rather than taking edits that could never be saved.
  provider.on('closed', () => store.set([]));
  return store;
}
