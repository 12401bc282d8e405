import { create } from 'zustand';

/**
 * The zoom a wheel or pinch gesture shows while it lasts (null: no gesture),
 * for the zoom controls' level. Kept apart from the ui store on purpose:
 * every change of that store runs each card's selectors (eight per card, so
 * ~8,000 calls at 1,000 cards), which a gesture would pay once a frame. The ui
 * store's `zoom` is set once, when the gesture rests.
 */
export const useGestureZoom = create<{ zoom: number | null }>(() => ({ zoom: null }));
