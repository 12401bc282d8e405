import { z } from 'zod';
import { ZCommentThreadDeletedEvent, ZCommentThreadEvent } from './comments.ts';
import { ZActivityWrittenEvent, ZVersionEvent } from './history.ts';
import { ZFacilitation, ZFacilitationEvent } from './facilitation.ts';
import { ZHandsEvent, ZHandsResponse } from './hands.ts';
import { ZLifecycleEvent } from './lifecycle.ts';
import { ZMapDetailsEvent } from './maps.ts';
import { ZMapPersonasEvent } from './personas.ts';
import { ZLocksEvent, ZMapLocks } from './locks.ts';
import {
  ZListRatingRoundsResponse,
  ZMyRatingsEvent,
  ZRatingProgressEvent,
  ZRatingRoundEvent,
} from './ratings.ts';
import {
  ZPrivateCardsEvent,
  ZPrivateMode,
  ZPrivateModeEvent,
  ZPrivateProgressEvent,
} from './private-mode.ts';
import { ZTimer, ZTimerEvent } from './timer.ts';
import {
  ZBallotEvent,
  ZListVoteRoundsResponse,
  ZVoteProgressEvent,
  ZVoteRoundEvent,
} from './voting.ts';

/**
 * The workshop state every board shows, as a stream's `ready` carries it:
 * each part is what its own GET route answers this caller (the timer:
 * `routes.timer.get`; the hands: `routes.hands.list`, with `you`…), read when
 * the stream went live. One answer instead of seven requests per board tab —
 * fifty people opening a workshop board, or reconnecting after a restart,
 * made 350.
 */
export const ZLiveState = z.object({
  timer: ZTimer,
  locks: ZMapLocks,
  facilitation: ZFacilitation,
  privateMode: ZPrivateMode,
  voteRounds: ZListVoteRoundsResponse,
  ratingRounds: ZListRatingRoundsResponse,
  hands: ZHandsResponse,
});
export type TLiveState = z.infer<typeof ZLiveState>;

/**
 * Comes first on every stream, and again whenever events may have been
 * missed. With `live`, the workshop state as of that moment (events after it
 * carry each change); without it (a re-sent `ready`, or the state could not
 * be read), reload it over REST.
 */
export const ZReadyEvent = z.object({ type: z.literal('ready'), live: ZLiveState.optional() });

/**
 * What `GET /api/maps/:id/events` streams: server-sent events, one JSON
 * object per `data:` line. ONE stream per map and caller carries every kind
 * of server-authoritative live state (docs/architecture.md, "How live state
 * reaches people"); the server writes to each stream only what that caller
 * may see, so an event someone may not receive never reaches their wire.
 *
 * - `ready` comes first, and again whenever events may have been missed
 *   (several instances: a Redis subscription dropped or a publish failed):
 *   take the state it carries (`ZReadyEvent`) and (re)load the rest of
 *   what you show over REST, so nothing in between is lost.
 * - Every other event carries the new state of one thing (replace your copy).
 */
export const ZMapEvent = z.discriminatedUnion('type', [
  ZReadyEvent,
  ZCommentThreadEvent,
  ZCommentThreadDeletedEvent,
  ZTimerEvent,
  ZVoteRoundEvent,
  ZBallotEvent,
  ZVoteProgressEvent,
  ...ZVersionEvent.options,
  ZActivityWrittenEvent,
  ZLocksEvent,
  ZFacilitationEvent,
  ZRatingRoundEvent,
  ZMyRatingsEvent,
  ZRatingProgressEvent,
  ZHandsEvent,
  ZPrivateModeEvent,
  ZPrivateCardsEvent,
  ZPrivateProgressEvent,
  ZLifecycleEvent,
  ZMapDetailsEvent,
  ZMapPersonasEvent,
]);
export type TMapEvent = z.infer<typeof ZMapEvent>;
export type TMapEventType = TMapEvent['type'];
