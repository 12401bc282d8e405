import { create } from 'zustand';
import { errorMessage } from '../api/client.ts';
import { useMapEventStore } from '../map-events/map-event-store.ts';

interface WorkshopProblem {
  /** The map it happened on: another map's page doesn't show it. */
  readonly mapId: string | null;
  /** Why the server refused, as its error says. */
  readonly message: string;
}

interface WorkshopProblemState {
  /** This facilitator's last refused workshop action, until dismissed or a next one succeeds. */
  problem: WorkshopProblem | null;
  dismiss: () => void;
}

/**
 * One place for a refused facilitator action (a lock, the spotlight,
 * bringing everyone along): most are chosen from a menu that has closed, or
 * a button that is gone, by the time the server answers, so the answer goes
 * to one banner (WorkshopProblemBanner) instead of each control's own.
 */
export const useWorkshopProblem = create<WorkshopProblemState>()((set) => ({
  problem: null,
  dismiss: () => set({ problem: null }),
}));

/** Sends a facilitator's request; a refusal is shown in the banner, a success clears it. */
export function runFacilitatorAction(request: () => Promise<unknown>): void {
  const mapId = useMapEventStore.getState().mapId;
  request().then(
    () => useWorkshopProblem.setState({ problem: null }),
    (error: unknown) =>
      useWorkshopProblem.setState({ problem: { mapId, message: errorMessage(error) } }),
  );
}

/** The open map's refused action, if any. */
export function useOpenMapWorkshopProblem(): string | null {
  const mapId = useMapEventStore((state) => state.mapId);
  return useWorkshopProblem((state) =>
    state.problem && state.problem.mapId === mapId ? state.problem.message : null,
  );
}
