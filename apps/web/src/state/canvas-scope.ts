import { useQuery } from '@tanstack/react-query';
import { meQuery } from '../auth/me.ts';
import { actorKey } from '../offline/last-known.ts';

/**
 * Where a person's view of a map (zoom, scroll, column widths) is kept on
 * this device: `<account>:<map>`, or `guest:<map>` for someone not signed in
 * (a share link). See canvas-storage.ts. Reads who is signed in from the
 * cache only: a share link's page never asks /api/me for it.
 */
export function useCanvasScope(mapId: string): string | null {
  const { data } = useQuery({ ...meQuery, enabled: false });
  const person = data?.me ? actorKey(data.me) : 'guest';
  return mapId ? `${person}:${mapId}` : null;
}
