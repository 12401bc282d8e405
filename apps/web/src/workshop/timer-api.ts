import { ZTimer, type TTimer } from '@journeyboard/shared';
import { requestJson } from '../api/client.ts';

const timerPath = (mapId: string) => `/api/maps/${encodeURIComponent(mapId)}/timer`;

/** The timer's REST calls; each answers the new state with the server's `now`. */
export const timerApi = {
  get(mapId: string, shareToken?: string): Promise<TTimer> {
    const options = shareToken ? { headers: { authorization: `Bearer ${shareToken}` } } : {};
    return requestJson('GET', timerPath(mapId), ZTimer, options);
  },
  start(mapId: string, durationSeconds: number): Promise<TTimer> {
    return requestJson('POST', timerPath(mapId), ZTimer, { body: { durationSeconds } });
  },
  pause(mapId: string): Promise<TTimer> {
    return requestJson('POST', `${timerPath(mapId)}/pause`, ZTimer);
  },
  resume(mapId: string): Promise<TTimer> {
    return requestJson('POST', `${timerPath(mapId)}/resume`, ZTimer);
  },
  addMinute(mapId: string): Promise<TTimer> {
    return requestJson('POST', `${timerPath(mapId)}/extend`, ZTimer, { body: { seconds: 60 } });
  },
  stop(mapId: string): Promise<TTimer> {
    return requestJson('DELETE', timerPath(mapId), ZTimer);
  },
};
