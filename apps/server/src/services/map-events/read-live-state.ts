import type { PrismaClient } from '@journeyboard/db';
import type { TLiveState } from '@journeyboard/shared';
import type { Actor } from '../../policy/actor.ts';
import { getFacilitation } from '../facilitation/facilitation-view.ts';
import { handsFor, readHands } from '../hands/hands-view.ts';
import { readMapLocks } from '../locks/map-locks-view.ts';
import { readPrivateMode } from '../private-mode/private-mode-view.ts';
import { listRatingRounds } from '../ratings/list-rating-rounds.ts';
import { getTimer } from '../timers/get-timer.ts';
import { listVoteRounds } from '../voting/list-vote-rounds.ts';

/**
 * The workshop state a map event stream's `ready` carries (`ZLiveState`):
 * for a caller who may read the map, each part as its own GET route would
 * answer them — the same services, so the two can't drift apart.
 */
export async function readLiveState(
  prisma: PrismaClient,
  mapId: string,
  caller: { readonly actor: Actor; readonly participates: boolean },
): Promise<TLiveState> {
  const [timer, locks, facilitation, privateMode, voteRounds, ratingRounds, hands] =
    await Promise.all([
      getTimer(prisma, mapId),
      readMapLocks(prisma, mapId),
      getFacilitation(prisma, mapId),
      readPrivateMode(prisma, mapId),
      listVoteRounds(prisma, mapId),
      listRatingRounds(prisma, mapId),
      readHands(prisma, mapId),
    ]);
  return {
    timer,
    locks,
    facilitation,
    privateMode,
    voteRounds: { rounds: voteRounds },
    ratingRounds: { rounds: ratingRounds },
    hands: handsFor(hands, caller.actor, mapId, caller.participates),
  };
}
