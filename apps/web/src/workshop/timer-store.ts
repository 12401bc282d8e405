import type { TTimer } from '@journeyboard/shared';
import { create } from 'zustand';
import { clockOffset } from './timer-clock.ts';

interface TimerState {
  mapId: string | null;
  /** The newest state seen (highest revision); null until loaded. */
  timer: TTimer | null;
  /** The server's clock minus ours, from the newest state. */
  offsetMs: number;
  /** Our clock when that state arrived. */
  receivedAt: number;
  reset: (mapId: string | null) => void;
  /** A state from REST or the event stream; an older revision than ours is ignored. */
  receive: (timer: TTimer, receivedAt?: number) => void;
}

/**
 * The open map's workshop timer: loaded over REST after every `ready` of the
 * map event stream, then kept current by its `timer` events (and by the
 * facilitator's own answers). Server-authoritative: never changed locally.
 */
export const useTimerStore = create<TimerState>()((set) => ({
  mapId: null,
  timer: null,
  offsetMs: 0,
  receivedAt: 0,
  reset: (mapId) => set({ mapId, timer: null, offsetMs: 0, receivedAt: 0 }),
  receive: (timer, receivedAt = Date.now()) =>
    set((state) => {
      if (state.timer && state.timer.revision > timer.revision) return {};
      return { timer, offsetMs: clockOffset(timer.now, receivedAt), receivedAt };
    }),
}));
