import type { WebsocketProvider } from 'y-websocket';

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * The stock y-websocket provider sends every awareness change to the server,
 * including the ones it has just received from the server: each browser
 * uploads everyone's cursor again, 20 times a second in a busy workshop, and
 * the server drops all of it (it only accepts a connection's own client id,
 * apps/server/src/sync/awareness-rules.ts). This keeps the provider's own
 * sending but feeds it this client's changes only.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const { awareness } = provider;
  const send = provider._awarenessUpdateHandler;
  const ownOnly = (changes: AwarenessChanges, origin: unknown): void => {
    const own = ownChanges(awareness.clientID, changes);
    if (own) send(own, origin);
  };
  awareness.off('update', send);
  awareness.on('update', ownOnly);
  // provider.destroy() unsubscribes whatever this field holds.
  provider._awarenessUpdateHandler = ownOnly;
}

/** The part of `changes` about `clientId`; null when there is none. */
export function ownChanges(clientId: number, changes: AwarenessChanges): AwarenessChanges | null {
  const mine = (ids: number[]) => ids.filter((id) => id === clientId);
  const own = {
    added: mine(changes.added),
    updated: mine(changes.updated),
    removed: mine(changes.removed),
  };
  return own.added.length + own.updated.length + own.removed.length > 0 ? own : null;
}

/**
 * Every server, and every other client, forgot this client's presence when
 * its connection closed (or its server died) — at the clock it had then; a
 * y-protocols peer ignores a state whose clock it has already seen removed.
 * So on every (re)connect the same state goes out again under the next
 * clock: people reappear at once, not at their next cursor move or the 15 s
 * renewal (docs/architecture.md, "Several server instances").
 */
export function reannounceOnConnect(provider: WebsocketProvider): void {
  provider.on('status', ({ status }: { status: string }) => {
    const state = provider.awareness.getLocalState();
    if (status === 'connected' && state !== null) provider.awareness.setLocalState({ ...state });
  });
}

/**
 * The other side of the same loss: when the connection closed, the provider
 * removed everyone else's presence here but kept the clock it had last seen
 * from each, and y-protocols ignores a state whose clock it has already
 * seen. On reconnect the server sends everyone's current state — most at
 * that same clock, as nobody has moved since — so people stayed missing
 * until their next cursor move or the 15 s renewal (after every role
 * change, too: that socket reconnects). So on every (re)connect the clocks
 * of people not shown are forgotten, and the server's states are taken as
 * they come.
 */
export function takeOthersBackOnConnect(provider: WebsocketProvider): void {
  provider.on('status', ({ status }: { status: string }) => {
    if (status !== 'connected') return;
    const { awareness } = provider;
    for (const clientId of [...awareness.meta.keys()]) {
      if (clientId !== awareness.clientID && !awareness.states.has(clientId)) {
        awareness.meta.delete(clientId);
      }
    }
  });
}
