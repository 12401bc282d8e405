import { diffBoards, summarizeChanges, type BoardChange } from '@journeyboard/shared/board';
import { useCallback, useEffect, useRef, useState } from 'react';
import { expectingOwnServerChange } from '../../board/own-server-changes.ts';
import { useConnection, useRemoteChanges, type BoardSnapshot } from '../../board/use-board.ts';

/** Gathers a burst of remote edits into one sentence… */
const SETTLE_MS = 1_500;
/** …and says at most one every few seconds, so a busy workshop doesn't drown the reader. */
const MIN_GAP_MS = 5_000;

/**
 * A burst as one person would tell it: a card added and then typed into is
 * "added"; a card added and removed again is nothing.
 */
function net(changes: readonly BoardChange[]): BoardChange[] {
  const idOf = (change: BoardChange) => ('cardId' in change ? change.cardId : null);
  const added = new Set(changes.filter((c) => c.kind === 'card.added').map(idOf));
  const removed = new Set(changes.filter((c) => c.kind === 'card.removed').map(idOf));
  return changes.filter((change) => {
    const id = idOf(change);
    if (id === null || !added.has(id)) return true;
    if (removed.has(id)) return false;
    return change.kind === 'card.added';
  });
}

/**
 * Tells screen-reader users, politely, what other people changed on the
 * board ("Changed by others: 3 cards added, 1 moved"). Not the first load
 * (everything would be "added"); the same live region also serves the
 * share view, where everything anyone sees is someone else's change.
 */
export function RemoteChangeAnnouncer() {
  const { hasSynced } = useConnection();
  const synced = useRef(hasSynced);
  const pending = useRef<BoardChange[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSaid = useRef(0);
  const [message, setMessage] = useState('');

  useEffect(() => {
    synced.current = hasSynced;
  }, [hasSynced]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const listener = useCallback((before: BoardSnapshot, after: BoardSnapshot) => {
    // A version this person restored is theirs, though it came from the server.
    if (!synced.current || expectingOwnServerChange()) return;
    pending.current.push(...diffBoards(before, after));
    if (timer.current || pending.current.length === 0) return;
    const wait = Math.max(SETTLE_MS, lastSaid.current + MIN_GAP_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      const summary = summarizeChanges(net(pending.current));
      pending.current = [];
      if (summary === 'No changes') return;
      lastSaid.current = Date.now();
      setMessage(`Changed by others: ${summary}.`);
    }, wait);
  }, []);
  useRemoteChanges(listener);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
