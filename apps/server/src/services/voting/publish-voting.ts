import type { TBallot, TVoteProgress, TVoteRound } from '@journeyboard/shared';
import type { SyncServer } from '../../sync/sync-server.ts';
import { EVERYONE_ON_THE_MAP, type MapEventBus } from '../map-events/map-event-bus.ts';

/**
 * What voting tells the map's event stream. A round (started, ended with its
 * results) goes to everyone on the map; a ballot only to its voter's own
 * streams — while a round runs, nobody's wire carries anyone else's votes.
 */
export async function publishVoteRound(
  sync: Pick<SyncServer, 'refreshMapRules'>,
  bus: MapEventBus,
  round: TVoteRound,
): Promise<void> {
  // A round started or ended changes who sees pointers (keepSecretRoundsSecret): in force on
  // the sync socket before anyone hears of it.
  await sync.refreshMapRules(round.mapId);
  bus.publish(round.mapId, { type: 'vote-round', round }, EVERYONE_ON_THE_MAP);
}

/** A running round's progress: to its facilitators only (counts, never whose votes). */
export function publishVoteProgress(
  bus: MapEventBus,
  mapId: string,
  progress: TVoteProgress,
): void {
  bus.publish(mapId, { type: 'vote-progress', progress }, { action: 'workshop.facilitate' });
}

export function publishBallot(
  bus: MapEventBus,
  mapId: string,
  voterKey: string,
  ballot: TBallot,
): void {
  bus.publish(mapId, { type: 'ballot', ballot }, { action: 'vote.cast', participant: voterKey });
}
