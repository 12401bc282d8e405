import type { TJourneyMap, TLifecycleEvent } from '@journeyboard/shared';

/**
 * The `lifecycle` event for a map as it is now (published to
 * EVERYONE_ON_THE_MAP: whoever may read the map sees its lifecycle over REST
 * too). Built from the API shape, so the event and `GET /api/maps/:id` can
 * never disagree; never carries the caller's capabilities, which are theirs.
 */
export function lifecycleEvent(map: TJourneyMap): TLifecycleEvent {
  if (!map.lifecycle) throw new Error('a map without its lifecycle cannot be announced');
  return { type: 'lifecycle', lifecycle: map.lifecycle, updatedAt: map.updatedAt };
}
