import { useCallback } from 'react';
import { create } from 'zustand';
import { useBoardActions } from '../../board/use-board.ts';
import { usePresenceStore, type Peer } from '../../presence/use-presence.ts';

/** A delete waiting for "Delete anyway": who is writing in the cards, and what follows it. */
export interface AskedDelete {
  readonly cardIds: readonly string[];
  /** The people writing in one of them, once each (a person's tabs share a user id). */
  readonly writers: readonly string[];
  readonly afterDelete?: () => void;
}

export const useAskedDelete = create<{
  asked: AskedDelete | null;
  ask: (asked: AskedDelete | null) => void;
}>((set) => ({ asked: null, ask: (asked) => set({ asked }) }));

/**
 * Deletes cards, but first asks when someone else has one of them open in
 * its editor: what they are typing is not on the board yet, and deleting
 * the card under them ends their editor (they are offered it back,
 * deleted-while-writing-notice.tsx, but the person deleting should know).
 * `afterDelete` runs once the cards are gone (focus, clearing a selection).
 */
export function useDeleteCards(): (cardIds: readonly string[], afterDelete?: () => void) => void {
  const actions = useBoardActions();
  const presence = usePresenceStore();
  const ask = useAskedDelete((state) => state.ask);
  return useCallback(
    (cardIds, afterDelete) => {
      const writers = writersOf(presence?.peers.getSnapshot() ?? [], cardIds);
      if (writers.length > 0) {
        ask({ cardIds, writers, afterDelete });
        return;
      }
      actions.deleteCards(cardIds);
      afterDelete?.();
    },
    [actions, presence, ask],
  );
}

/** The names of the people with one of `cardIds` open in its editor, once each. */
export function writersOf(peers: readonly Peer[], cardIds: readonly string[]): string[] {
  const ids = new Set(cardIds);
  const writers = new Map<string, string>();
  for (const peer of peers) {
    if (peer.editing && peer.cardId !== null && ids.has(peer.cardId)) {
      writers.set(peer.userId, peer.name);
    }
  }
  return [...writers.values()];
}
