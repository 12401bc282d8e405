/** React access to the board's presence (the session's PresenceStore). */
import { useContext, useSyncExternalStore } from 'react';
import { BoardSessionContext } from '../board/use-board.ts';
import { ValueStore } from '../board/value-store.ts';
import type { Peer, PresenceStore } from './presence-store.ts';

export type { Peer, PresenceStore } from './presence-store.ts';

const NO_PEERS = new ValueStore<readonly Peer[]>([]);
const NOBODY = new ValueStore<number | null>(null);

export function usePresenceStore(): PresenceStore | null {
  return useContext(BoardSessionContext)?.presence ?? null;
}

/** Everyone else on the map; re-renders at most once per animation frame. */
export function usePeers(): readonly Peer[] {
  const peers = usePresenceStore()?.peers ?? NO_PEERS;
  return useSyncExternalStore(peers.subscribe, peers.getSnapshot);
}

/** The client id being followed, or null. */
export function useFollowing(): number | null {
  const following = usePresenceStore()?.following ?? NOBODY;
  return useSyncExternalStore(following.subscribe, following.getSnapshot);
}
