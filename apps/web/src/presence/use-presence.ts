/** React access to the board's presence (the session's PresenceStore). */
import type { MapAction } from '@journeyboard/shared';
import { useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import { useCan } from '../capabilities/capabilities.tsx';
import { BoardSessionContext } from '../board/use-board.ts';
import { ValueStore } from '../board/value-store.ts';
import { countWhoCan, peopleOf, samePeople, type Person } from './people.ts';
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

const NOBODY_ELSE: readonly Person[] = Object.freeze([]);

/**
 * Everyone else on the map, one per person (people.ts), this person's other
 * tabs left out. The same array until what an avatar shows changes — someone
 * joins, leaves, reacts, points or stops pointing — so the avatars and "+N"
 * don't re-render with every cursor move (28 people at 10 Hz).
 */
export function usePeople(): readonly Person[] {
  const presence = usePresenceStore();
  const peers = presence?.peers ?? NO_PEERS;
  const selfId = presence?.self.id ?? null;
  const last = useRef(NOBODY_ELSE);
  const read = useCallback(() => {
    const next = peopleOf(peers.getSnapshot(), selfId);
    if (!samePeople(last.current, next)) last.current = next;
    return last.current;
  }, [peers, selfId]);
  return useSyncExternalStore(peers.subscribe, read);
}

/** The client id being followed, or null. */
export function useFollowing(): number | null {
  const following = usePresenceStore()?.following ?? NOBODY;
  return useSyncExternalStore(following.subscribe, following.getSnapshot);
}

/**
 * How many people here may do `action`, or null without a live board: the
 * "of 28" of a round's progress. This person counts when they may and
 * `selfTookPart`: the facilitator reading it set the round up and often
 * doesn't vote, and "2 of 3 have voted" had them waiting for themselves.
 * Re-renders only when that number changes, not with every cursor move.
 */
export function useHereWhoCan(action: MapAction, selfTookPart: boolean): number | null {
  const presence = usePresenceStore();
  const peers = presence?.peers ?? NO_PEERS;
  const selfCan = useCan(action) && selfTookPart;
  const selfId = presence?.self.id ?? null;
  const count = useSyncExternalStore(peers.subscribe, () =>
    countWhoCan(peopleOf(peers.getSnapshot(), selfId), action, selfCan),
  );
  return presence ? count : null;
}
