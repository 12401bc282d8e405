import type { BoardSnapshot } from '@journeyboard/shared/board';
import type { LostCard } from './offline-edits.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { signedInMe } from '../auth/me.ts';
import { signedInIdentity } from '../presence/local-identity.ts';
import { connectBoardSession, type BoardSession, type ConnectOptions } from './board-session.ts';

/**
 * Opens the live session of a map for as long as the component is mounted
 * (and `enabled`), and closes it afterwards. Created in an effect, not during
 * render, so StrictMode's mount–unmount–mount never leaks a socket. Replaced
 * by a fresh one when the server refuses the session's changes
 * (`onWritesRefused`, unsaved-changes.ts).
 */
export function useLiveSession(
  mapId: string,
  enabled: boolean,
  access: Pick<ConnectOptions, 'shareToken'> = {},
): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  const { shareToken } = access;
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    // Read when the session opens, not a dependency: `me` changing never reopens the socket.
    const identity = signedInIdentity(signedInMe(queryClient));
    let open: BoardSession;
    const connect = (unsaved?: BoardSnapshot, unsavedDeletedMeanwhile?: readonly LostCard[]) => {
      open = connectBoardSession(mapId, {
        ...(shareToken ? { shareToken } : {}),
        ...(identity ? { identity } : {}),
        ...(unsaved ? { unsaved } : {}),
        ...(unsavedDeletedMeanwhile ? { unsavedDeletedMeanwhile } : {}),
        // Changes the server will never take (this person may no longer edit): the board
        // starts again from the server's, and the new session names what was not saved.
        onWritesRefused: (board, deletedMeanwhile) => {
          open.destroy();
          connect(board, deletedMeanwhile);
        },
      });
      setSession(open);
    };
    // The session is an external resource tied to this effect's lifetime.
    connect();
    return () => {
      open.destroy();
      setSession((current) => (current === open ? null : current));
    };
  }, [mapId, enabled, shareToken, queryClient]);
  return session;
}
