import { describe, expect, it } from 'vitest';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  ownChanges,
  reannounceOnConnect,
  sendOwnPresenceOnly,
  takeOthersBackOnConnect,
} from './own-presence-only.ts';

/** Messages the provider would have sent, without a server. */
function offlineProvider(): { provider: WebsocketProvider; sent: Uint8Array[] } {
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'map', new Y.Doc(), {
    connect: false,
    disableBc: true,
  });
  const sent: Uint8Array[] = [];
  provider.wsconnected = true;
  provider.ws = {
    send: (message: Uint8Array) => sent.push(message),
    close: () => undefined,
  } as unknown as WebSocket;
  return { provider, sent };
}

function remoteCursor(): Uint8Array {
  const remote = new Awareness(new Y.Doc());
  remote.setLocalStateField('cursor', { x: 1, y: 2 });
  return encodeAwarenessUpdate(remote, [remote.clientID]);
}

describe('sendOwnPresenceOnly', () => {
  it('sends this client’s presence but not what it received from others', () => {
    const { provider, sent } = offlineProvider();
    sendOwnPresenceOnly(provider);

    applyAwarenessUpdate(provider.awareness, remoteCursor(), provider);
    expect(sent).toHaveLength(0);

    provider.awareness.setLocalStateField('cursor', { x: 5, y: 5 });
    expect(sent).toHaveLength(1);
    provider.destroy();
  });

  it('is what the stock provider does not do', () => {
    const { provider, sent } = offlineProvider();
    applyAwarenessUpdate(provider.awareness, remoteCursor(), provider);
    expect(sent).toHaveLength(1); // the echo this module removes
    provider.destroy();
  });
});

describe('ownChanges', () => {
  it('keeps only the given client id', () => {
    expect(ownChanges(1, { added: [2], updated: [1, 3], removed: [] })).toEqual({
      added: [],
      updated: [1],
      removed: [],
    });
    expect(ownChanges(1, { added: [2], updated: [3], removed: [4] })).toBeNull();
  });
});

describe('reannounceOnConnect', () => {
  it('sends this client’s presence again under a new clock, so peers that removed it take it back', () => {
    const { provider, sent } = offlineProvider();
    sendOwnPresenceOnly(provider);
    reannounceOnConnect(provider);
    provider.awareness.setLocalStateField('cursor', { x: 5, y: 5 });
    const id = provider.awareness.clientID;
    const own = () => encodeAwarenessUpdate(provider.awareness, [id]);
    // A peer saw this client, then saw it removed (its server died).
    const peer = new Awareness(new Y.Doc());
    applyAwarenessUpdate(peer, own(), 'server');
    removeAwarenessStates(peer, [id], 'server');
    applyAwarenessUpdate(peer, own(), 'server');
    expect(peer.getStates().has(id)).toBe(false); // the same clock again: ignored

    provider.emit('status', [{ status: 'connected' }]);
    expect(sent).toHaveLength(2);
    applyAwarenessUpdate(peer, own(), 'server');
    expect(peer.getStates().has(id)).toBe(true);
    provider.destroy();
  });
});

describe('takeOthersBackOnConnect', () => {
  it('shows again, on reconnect, someone the server still has at the clock seen before the connection closed', () => {
    const { provider } = offlineProvider();
    takeOthersBackOnConnect(provider);
    const someone = remoteCursor();
    applyAwarenessUpdate(provider.awareness, someone, 'server');
    const [id] = [...provider.awareness.getStates().keys()].filter(
      (clientId) => clientId !== provider.awareness.clientID,
    );
    // The connection closed: the provider removed everyone else (as y-websocket does).
    removeAwarenessStates(provider.awareness, [id!], provider);

    // Reconnected: the server sends the same state again, nobody having moved since.
    provider.emit('status', [{ status: 'connected' }]);
    applyAwarenessUpdate(provider.awareness, someone, 'server');
    expect(provider.awareness.getStates().has(id!)).toBe(true);
    provider.destroy();
  });
});
