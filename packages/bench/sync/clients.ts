/**
 * One benchmark client = one Y.Doc + one connection, each server with the
 * client it ships with: the stock y-websocket client for @y/websocket-server,
 * the same client with Journeyboard's one change (it doesn't send other
 * people's presence back to the server) for Journeyboard, and
 * @hocuspocus/provider for Hocuspocus.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sendOwnPresenceOnly } from '@journeyboard/web/src/board/own-presence-only.ts';

export interface BenchClient {
  readonly doc: Y.Doc;
  readonly synced: Promise<void>;
  setCursor(x: number, y: number): void;
  destroy(): void;
}

export type ClientFactory = (document: string) => BenchClient;

export function yWebsocketClients(
  url: string,
  {
    headers = {},
    ownPresenceOnly = false,
  }: {
    headers?: Record<string, string>;
    /** As Journeyboard's browser client does (apps/web/src/board/own-presence-only.ts). */
    ownPresenceOnly?: boolean;
  } = {},
): ClientFactory {
  // The upgrade carries the credentials, like a browser's cookie would.
  class AuthenticatedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return (document) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(url, document, doc, {
      disableBc: true,
      WebSocketPolyfill: AuthenticatedWebSocket as unknown as typeof globalThis.WebSocket,
    });
    if (ownPresenceOnly) sendOwnPresenceOnly(provider);
    const synced = new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      else provider.once('sync', () => resolve());
    });
    return {
      doc,
      synced,
      setCursor: (x, y) => provider.awareness.setLocalStateField('cursor', { x, y }),
      destroy: () => {
        provider.destroy();
        doc.destroy();
      },
    };
  };
}

export function hocuspocusClients(url: string): ClientFactory {
  return (document) => {
    const doc = new Y.Doc();
    // One socket per client, like one browser tab (the provider manages it).
    const provider = new HocuspocusProvider({
      url,
      name: document,
      document: doc,
      // Passed through to its socket; missing from the provider's config type.
      WebSocketPolyfill: WebSocket,
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    const synced = new Promise<void>((resolve) => {
      if (provider.isSynced) resolve();
      else provider.on('synced', () => resolve());
    });
    return {
      doc,
      synced,
      setCursor: (x, y) => provider.setAwarenessField('cursor', { x, y }),
      destroy: () => {
        provider.destroy();
        doc.destroy();
      },
    };
  };
}
