import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface WorkshopToolsState {
  /** Whether this person keeps the workshop tools open over the board. */
  open: boolean;
  toggle: () => void;
  close: () => void;
}

/**
 * The workshop tools float over the board only while someone opens them
 * from the header's "Workshop" button, so the header stays one row at laptop
 * size. A facilitator who runs workshops keeps them open: the choice is kept
 * on this device, for every board.
 */
export const useWorkshopTools = create<WorkshopToolsState>()(
  persist(
    (set) => ({
      open: false,
      toggle: () => set((state) => ({ open: !state.open })),
      close: () => set({ open: false }),
    }),
    {
      name: 'journeyboard.workshop-tools',
      storage: createJSONStorage(() => window.localStorage),
      partialize: (state) => ({ open: state.open }),
    },
  ),
);
