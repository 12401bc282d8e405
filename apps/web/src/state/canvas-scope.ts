import { useAuthStore } from '../auth/auth-store.ts';
import { actorKey } from '../offline/last-known.ts';

/**
 * Where a person's view of a map (zoom, scroll, column widths) is kept on
 * this device: `<account>:<map>`, or `guest:<map>` for someone not signed in
 * (a share link). See canvas-storage.ts.
 */
export function useCanvasScope(mapId: string): string | null {
  const person = useAuthStore((store) =>
    store.state.status === 'signed-in' ? actorKey(store.state.me) : 'guest',
  );
  return mapId ? `${person}:${mapId}` : null;
}
