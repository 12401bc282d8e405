import { BoardLockSet, type BoardLock } from '@journeyboard/shared/board';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useCan } from '../capabilities/capabilities.tsx';
import { useMapLocks } from './lock-queries.ts';
import { usePrivateMode } from './private-mode-queries.ts';
import { useRunningRating } from './rating-queries.ts';

interface LockState {
  /** Every lock on the map (the icons everyone sees). */
  readonly all: BoardLockSet;
  /**
   * The locks that bind this person: none for a facilitator; for a
   * participant, while a silent brainstorm runs, the whole shared board (they
   * write private cards meanwhile), and while everyone rates, the rated lane's
   * shared scores (they set their own) — the server holds them to the same rules.
   */
  readonly binding: BoardLockSet;
  /** Whether this person may set and lift locks (`workshop.facilitate`). */
  readonly facilitates: boolean;
}

const NO_LOCKS: LockState = {
  all: BoardLockSet.EMPTY,
  binding: BoardLockSet.EMPTY,
  facilitates: false,
};

const LockContext = createContext<LockState>(NO_LOCKS);

/**
 * The map's locks for the board below: read once (map event stream + REST),
 * so a thousand cards don't each hold a query. The server enforces them on
 * the sync socket; this only decides which controls to offer and where the
 * lock icons go.
 */
export function LocksProvider({ children }: { children: ReactNode }) {
  const all = useMapLocks();
  const facilitates = useCan('workshop.facilitate');
  const brainstorm = usePrivateMode()?.running === true;
  const ratedLaneId = useRunningRating()?.laneId ?? null;
  const value = useMemo<LockState>(() => {
    if (facilitates) return { all, binding: BoardLockSet.EMPTY, facilitates };
    const added: BoardLock[] = [
      ...(brainstorm && !all.board ? [{ scope: 'board' as const, itemId: null }] : []),
      ...(ratedLaneId ? [{ scope: 'lane' as const, itemId: ratedLaneId }] : []),
    ];
    const binding = added.length > 0 ? new BoardLockSet([...all.locks, ...added]) : all;
    return { all, binding, facilitates };
  }, [all, facilitates, brainstorm, ratedLaneId]);
  return <LockContext value={value}>{children}</LockContext>;
}

export const useLocks = (): LockState => useContext(LockContext);
