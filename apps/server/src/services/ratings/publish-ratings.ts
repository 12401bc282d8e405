import type { TMyRatings, TRatingProgress, TRatingRound } from '@journeyboard/shared';
import type { SyncServer } from '../../sync/sync-server.ts';
import { EVERYONE_ON_THE_MAP, type MapEventBus } from '../map-events/map-event-bus.ts';

/**
 * What "Everyone rates" tells the map's event stream. A round (started,
 * revealed with the room's scores) goes to everyone on the map; a rater's
 * own scores only to their own streams — while a round runs, nobody's wire
 * carries anyone else's scores.
 */
export async function publishRatingRound(
  sync: Pick<SyncServer, 'refreshMapRules'>,
  bus: MapEventBus,
  round: TRatingRound,
): Promise<void> {
  // As for votes (publish-voting.ts): pointers are kept secret before anyone hears of it.
  await sync.refreshMapRules(round.mapId);
  bus.publish(round.mapId, { type: 'rating-round', round }, EVERYONE_ON_THE_MAP);
}

/** A running round's progress: to its facilitators only (counts, never whose scores). */
export function publishRatingProgress(
  bus: MapEventBus,
  mapId: string,
  progress: TRatingProgress,
): void {
  bus.publish(mapId, { type: 'rating-progress', progress }, { action: 'workshop.facilitate' });
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
