import { CloseCode, CloseReason } from '@journeyboard/shared';
import type { WebsocketProvider } from 'y-websocket';
import type { Transaction } from 'yjs';
import { ValueStore, type ReadableStore } from './value-store.ts';

/**
 * connecting    first connection not yet synced
 * live          connected, and the server has answered our sync: edits reach everyone
 * reconnecting  the network is up but the server can't be reached; the next try is scheduled
 * offline       the browser says the network is gone; edits stay on this device
 * not-found     the server closed with 4404: the map does not exist; no retries
 * closed        the server refused for another lasting reason (4400–4499); no retries
 * local         no server at all (tests, previews)
 */
export type ConnectionStatus =
  'connecting' | 'live' | 'reconnecting' | 'offline' | 'not-found' | 'closed' | 'local';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /**
   * True once there is a board to show: received from the server at least
   * once, or loaded from this device's copy (local-copy.ts) while offline.
   */
  readonly hasSynced: boolean;
  /**
   * This person's changes made since the server last confirmed a sync: they
   * are in the document and on this device, and go out on the next sync.
   */
  readonly pendingChanges: number;
  /** When the next connection attempt opens (epoch ms), while reconnecting. */
  readonly nextAttemptAt: number | null;
  /** How the server ended the connection for good (`closed`, `not-found`). */
  readonly closedWith?: { readonly code: number; readonly reason: string };
}

/** The connection said in a few words (the header, the view-only badge). */
export const connectionLabel = (state: ConnectionState): string => {
  const { words, more } = connectionWords(state);
  return more ? `${words} — ${more}` : words;
};

/**
 * The connection's label in its two parts: the state (`words`) and, for some,
 * what it means for the person's work (`more`), which a narrow header keeps
 * in the tooltip and for screen readers only (connection-indicator.tsx).
 */
export function connectionWords(state: ConnectionState): { words: string; more?: string } {
  if (state.status === 'closed') return { words: closedLabel(state.closedWith) };
  if (state.status === 'offline') return { words: 'Offline', more: OFFLINE_MORE };
  return { words: CONNECTION_LABELS[state.status] };
}

// Edits stay in the doc and in IndexedDB (local-copy.ts), and are sent on reconnect.
const OFFLINE_MORE = 'changes saved on this device';

/**
 * What the header says once the server has ended the connection for good,
 * from its close code (packages/shared/src/close-codes.ts). The board is
 * read-only from then on (trackServerCapabilities): nothing more can be saved.
 */
export function closedLabel(closedWith: ConnectionState['closedWith']): string {
  switch (closedWith?.code) {
    case CloseCode.accessRevoked:
      return ACCESS_ENDED_LABELS[closedWith.reason] ?? 'Your access to this map ended';
    case CloseCode.mapDeleted:
      return 'This map was deleted';
    case CloseCode.shareLinkFull:
      return 'Too many people on this link — reload later';
    default:
      return CONNECTION_LABELS.closed;
  }
}

/** Why access ended (4403), by the server's close reason: each says what the person can do. */
const ACCESS_ENDED_LABELS: Partial<Record<string, string>> = {
  [CloseReason.linkExpired]: 'This link has expired',
  // The view-only badge offers "Sign in" beside it (view-only-badge.tsx).
  [CloseReason.signedOut]: 'You were signed out',
  [CloseReason.sessionExpired]: 'Your session ended — sign in again',
  [CloseReason.removedFromWorkspace]: 'You were removed from this workspace',
  [CloseReason.shareLinkRevoked]: 'This link was revoked — ask for a new one',
  [CloseReason.shareLinkPasswordChanged]:
    'The link’s password was changed — reload the page and enter the new one',
  [CloseReason.shareLinkUnlockExpired]:
    'This device’s time on the link ran out — reload the page and enter the password again',
  [CloseReason.workshopLinkRevoked]: 'The workshop link was closed — ask the facilitator',
};

export const CONNECTION_LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: `Offline — ${OFFLINE_MORE}`,
  'not-found': 'Map not found',
  // Without a known reason (closedLabel says the known ones).
  closed: 'Disconnected — reload the page',
  local: 'Local only',
};

/** Whether the browser thinks it has a network, and when that changes. */
export interface NetworkWatch {
  readonly isOnline: () => boolean;
  readonly subscribe: (listener: (online: boolean) => void) => () => void;
}

export const browserNetwork: NetworkWatch = {
  isOnline: () => navigator.onLine,
  subscribe: (listener) => {
    const online = () => listener(true);
    const offline = () => listener(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  },
};

/** The socket factory's side of reconnect timing (jittered-websocket.ts). */
export interface ReconnectSchedule {
  /** Calls back with the moment the next socket opens, each time one is scheduled. */
  readonly onScheduled: (listener: (opensAt: number) => void) => () => void;
  /** Opens a socket that is waiting out its backoff right now. */
  readonly retryNow: () => void;
}

export interface TrackConnectionOptions {
  readonly localCopy?: Promise<boolean>;
  readonly network?: NetworkWatch;
  readonly reconnects?: ReconnectSchedule;
}

const isFinal = (status: ConnectionStatus) => status === 'not-found' || status === 'closed';

/**
 * Follows a y-websocket provider, the browser's network events and this
 * person's own edits, and condenses them into what the UI shows. Honest by
 * construction: "live" only after the server answered a sync; the browser's
 * `offline` event is believed at once (and the socket, which could linger
 * for 30 s before y-websocket notices, is dropped so the next try probes for
 * real). Returns the store and a function that stops listening.
 */
export function trackConnection(
  provider: WebsocketProvider,
  options: TrackConnectionOptions = {},
): {
  store: ReadableStore<ConnectionState>;
  dispose: () => void;
} {
  const network = options.network ?? browserNetwork;
  const store = new ValueStore<ConnectionState>({
    status: network.isOnline() ? 'connecting' : 'offline',
    hasSynced: false,
    pendingChanges: 0,
    nextAttemptAt: null,
  });
  const patch = (change: Partial<ConnectionState>) => {
    store.update((current) => {
      if (isFinal(current.status)) return current;
      const next = { ...current, ...change };
      if (next.status !== 'reconnecting') next.nextAttemptAt = null;
      const same = (Object.keys(next) as (keyof ConnectionState)[]).every(
        (key) => next[key] === current[key],
      );
      return same ? current : next;
    });
  };
  const lost = () => patch({ status: network.isOnline() ? 'reconnecting' : 'offline' });

  const stopForGood = (code: number, reason = '') => {
    patch({
      status: code === CloseCode.mapNotFound ? 'not-found' : 'closed',
      closedWith: { code, reason },
    });
    // y-websocket already stops on 44xx codes; disconnecting makes that explicit
    // and also covers a custom shouldReconnect.
    provider.disconnect();
  };

  const onSync = (synced: boolean) => {
    // Our step 2 (everything the server lacked) went out before the server's step 2 arrived.
    if (synced) patch({ status: 'live', hasSynced: true, pendingChanges: 0 });
    else if (store.getSnapshot().status === 'live') lost();
  };
  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    // 'connected' is not yet 'live': the board only counts once it has synced.
    if (status === 'disconnected') lost();
  };
  const onConnectionClose = (event: CloseEvent | null) => {
    // `null` means we closed it ourselves (disconnect/destroy or the watchdog).
    if (event === null) return;
    if (event.code === CloseCode.mapNotFound) stopForGood(event.code);
    else lost();
  };
  const onClosed = (event: { code: number; reason: string }) =>
    stopForGood(event.code, event.reason);
  const onTransaction = (transaction: Transaction) => {
    // Local = made here (not applied from the server or this device's copy).
    if (!transaction.local || transaction.changed.size === 0) return;
    const current = store.getSnapshot();
    if (current.status !== 'live') patch({ pendingChanges: current.pendingChanges + 1 });
  };
  const onNetwork = (online: boolean) => {
    if (!online) {
      patch({ status: 'offline' });
      // Drop the socket: the provider reconnects with backoff, and only a sync that
      // really completes can bring "live" back.
      provider.ws?.close();
    } else if (store.getSnapshot().status === 'offline') {
      patch({ status: 'reconnecting' });
      options.reconnects?.retryNow();
    }
  };

  provider.on('sync', onSync);
  provider.on('status', onStatus);
  provider.on('connection-close', onConnectionClose);
  provider.on('closed', onClosed);
  provider.doc.on('afterTransaction', onTransaction);
  const stopNetwork = network.subscribe(onNetwork);
  const stopSchedule = options.reconnects?.onScheduled((opensAt) => {
    if (store.getSnapshot().status === 'reconnecting') patch({ nextAttemptAt: opensAt });
  });
  if (provider.synced) patch({ status: 'live', hasSynced: true });
  let disposed = false;
  // A board stored on this device can be shown before (or without) the server.
  void options.localCopy?.then((found) => {
    if (found && !disposed) patch({ hasSynced: true });
  });

  return {
    store,
    dispose: () => {
      disposed = true;
      provider.off('sync', onSync);
      provider.off('status', onStatus);
      provider.off('connection-close', onConnectionClose);
      provider.off('closed', onClosed);
      provider.doc.off('afterTransaction', onTransaction);
      stopNetwork();
      stopSchedule?.();
    },
  };
}
