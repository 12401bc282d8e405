import type { TPrivateCard, TPrivateMode, TPrivateModeProgress } from '@journeyboard/shared';
import { EVERYONE_ON_THE_MAP, type MapEventBus } from '../map-events/map-event-bus.ts';

/**
 * What the silent brainstorm tells the map's event stream. Whether it runs
 * (and the last reveal's summary) goes to everyone on the map; private cards
 * go only to their author's own streams (the per-caller audience), so no
 * other participant's wire — on any instance — ever carries them.
 */
export function publishPrivateMode(bus: MapEventBus, mapId: string, mode: TPrivateMode): void {
  bus.publish(mapId, { type: 'private-mode', privateMode: mode }, EVERYONE_ON_THE_MAP);
}

export function publishPrivateCards(
  bus: MapEventBus,
  mapId: string,
  authorKey: string,
  cards: TPrivateCard[],
): void {
  bus.publish(
    mapId,
    { type: 'private-cards', cards },
    { action: 'board.edit', participant: authorKey },
  );
}

/** A running brainstorm's counts: to its facilitators only (never whose cards). */
export function publishPrivateProgress(
  bus: MapEventBus,
  mapId: string,
  progress: TPrivateModeProgress,
): void {
  bus.publish(mapId, { type: 'private-progress', progress }, { action: 'workshop.facilitate' });
}
