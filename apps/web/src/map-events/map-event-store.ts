import { create } from 'zustand';

export type MapEventStreamStatus = 'connecting' | 'live' | 'retrying' | 'off';

interface MapEventState {
  /** The map whose event stream this tab reads (the workshop queries read it for this map). */
  mapId: string | null;
  /** A read-only link's token: its requests carry it in a header, never the URL. */
  shareToken: string | null;
  /** Until the first `ready` nothing is loaded; `off`: the stream was refused. */
  status: MapEventStreamStatus;
  reset: (mapId: string | null, shareToken?: string | null) => void;
  setStatus: (status: MapEventStreamStatus) => void;
}

/** Which map's event stream this tab reads, and how it is doing. */
export const useMapEventStore = create<MapEventState>()((set) => ({
  mapId: null,
  shareToken: null,
  status: 'off',
  reset: (mapId, shareToken = null) => set({ mapId, shareToken, status: 'off' }),
  setStatus: (status) => set({ status }),
}));

/** Whether queries fed by the stream may load: it has said `ready` (or is reconnecting). */
export const useStreamLive = (): boolean =>
  useMapEventStore((state) => state.status === 'live' || state.status === 'retrying');

/** `{ headers }` for a share link's requests, or nothing. */
export const shareHeaders = (shareToken: string | null) =>
  shareToken ? { headers: { authorization: `Bearer ${shareToken}` } } : {};
