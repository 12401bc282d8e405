import type { WebsocketProvider } from 'y-websocket';
import { ValueStore, type ReadableStore } from './value-store.ts';

/**
 * connecting  first connection not yet synced
 * live        connected and in sync with the server
 * offline     lost (or never got) the connection; the provider keeps retrying
 * not-found   the server closed with 4404: the map does not exist; no retries
 * closed      the server refused for another lasting reason (4400–4499); no retries
 * local       no server at all (tests, previews)
 */
export type ConnectionStatus = 'connecting' | 'live' | 'offline' | 'not-found' | 'closed' | 'local';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /**
   * True once there is a board to show: received from the server at least
   * once, or loaded from this device's copy (local-copy.ts) while offline.
   */
  readonly hasSynced: boolean;
}

/** The close code the sync server uses for an unknown map. */
export const MAP_NOT_FOUND_CLOSE_CODE = 4404;

export const CONNECTION_LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  // Edits stay in the doc and in IndexedDB (local-copy.ts), and are sent on reconnect.
  offline: 'Offline — changes saved on this device',
  'not-found': 'Map not found',
  closed: 'Disconnected',
  local: 'Local only',
};

const isFinal = (status: ConnectionStatus) => status === 'not-found' || status === 'closed';

/**
 * Follows a y-websocket provider's events and condenses them into the one
 * status the UI shows. Returns the store and a function that stops listening.
 */
export function trackConnection(
  provider: WebsocketProvider,
  options: { localCopy?: Promise<boolean> } = {},
): {
  store: ReadableStore<ConnectionState>;
  dispose: () => void;
} {
  const store = new ValueStore<ConnectionState>({ status: 'connecting', hasSynced: false });
  const setStatus = (status: ConnectionStatus, hasSynced = store.getSnapshot().hasSynced) => {
    store.update((current) => {
      if (isFinal(current.status)) return current;
      if (current.status === status && current.hasSynced === hasSynced) return current;
      return { status, hasSynced };
    });
  };

  const stopForGood = (code: number) => {
    setStatus(code === MAP_NOT_FOUND_CLOSE_CODE ? 'not-found' : 'closed');
    // y-websocket already stops on 44xx codes; disconnecting makes that explicit
    // and also covers a custom shouldReconnect.
    provider.disconnect();
  };

  const onSync = (synced: boolean) => {
    if (synced) setStatus('live', true);
    else if (store.getSnapshot().status === 'live') setStatus('offline');
  };
  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    // 'connected' is not yet 'live': the board only counts once it has synced.
    if (status === 'disconnected') setStatus('offline');
  };
  const onConnectionClose = (event: CloseEvent | null) => {
    // `null` means we closed it ourselves (disconnect/destroy or the watchdog).
    if (event === null) return;
    if (event.code === MAP_NOT_FOUND_CLOSE_CODE) stopForGood(event.code);
    else setStatus('offline');
  };
  const onClosed = (event: { code: number }) => stopForGood(event.code);

  provider.on('sync', onSync);
  provider.on('status', onStatus);
  provider.on('connection-close', onConnectionClose);
  provider.on('closed', onClosed);
  if (provider.synced) setStatus('live', true);
  let disposed = false;
  // A board stored on this device can be shown before (or without) the server.
  void options.localCopy?.then((found) => {
    if (found && !disposed) setStatus(store.getSnapshot().status, true);
  });

  return {
    store,
    dispose: () => {
      disposed = true;
      provider.off('sync', onSync);
      provider.off('status', onStatus);
      provider.off('connection-close', onConnectionClose);
      provider.off('closed', onClosed);
    },
  };
}
