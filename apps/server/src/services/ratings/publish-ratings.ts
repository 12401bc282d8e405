import type { TMyRatings, TRatingRound } from '@journeyboard/shared';
import { EVERYONE_ON_THE_MAP, type MapEventBus } from '../map-events/map-event-bus.ts';

/**
 * What "Everyone rates" tells the map's event stream. A round (started,
 * revealed with the room's scores) goes to everyone on the map; a rater's
 * own scores only to their own streams — while a round runs, nobody's wire
 * carries anyone else's scores.
 */
export function publishRatingRound(bus: MapEventBus, round: TRatingRound): void {
  bus.publish(round.mapId, { type: 'rating-round', round }, EVERYONE_ON_THE_MAP);
}

export function publishMyRatings(
  bus: MapEventBus,
  mapId: string,
  raterKey: string,
  ratings: TMyRatings,
): void {
  bus.publish(
    mapId,
    { type: 'my-ratings', ratings },
    { action: 'emotion.rate', participant: raterKey },
  );
}
