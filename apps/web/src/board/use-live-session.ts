import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { signedInMe } from '../auth/me.ts';
import { signedInIdentity } from '../presence/local-identity.ts';
import { connectBoardSession, type BoardSession, type ConnectOptions } from './board-session.ts';

/**
 * Opens the live session of a map for as long as the component is mounted
 * (and `enabled`), and closes it afterwards. Created in an effect, not during
 * render, so StrictMode's mount–unmount–mount never leaks a socket.
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
    const next = connectBoardSession(mapId, {
      ...(shareToken ? { shareToken } : {}),
      ...(identity ? { identity } : {}),
    });
    // The session is an external resource tied to this effect's lifetime.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(next);
    return () => {
      next.destroy();
      setSession((current) => (current === next ? null : current));
    };
  }, [mapId, enabled, shareToken, queryClient]);
  return session;
}
