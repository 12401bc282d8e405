import { z } from 'zod';
import { ZCommentEvent } from './comments.ts';
import { ZVersionEvent } from './history.ts';
import { ZFacilitationEvent } from './facilitation.ts';
import { ZHandsEvent } from './hands.ts';
import { ZLifecycleEvent } from './lifecycle.ts';
import { ZLocksEvent } from './locks.ts';
import { ZMyRatingsEvent, ZRatingRoundEvent } from './ratings.ts';
import { ZPrivateCardsEvent, ZPrivateModeEvent } from './private-mode.ts';
import { ZTimerEvent } from './timer.ts';
import { ZBallotEvent, ZVoteRoundEvent } from './voting.ts';

/**
 * What `GET /api/maps/:id/events` streams: server-sent events, one JSON
 * object per `data:` line. ONE stream per map and caller carries every kind
 * of server-authoritative live state (docs/architecture.md, "How live state
 * reaches people"); the server writes to each stream only what that caller
 * may see, so an event someone may not receive never reaches their wire.
 *
 * - `ready` comes first, and again whenever events may have been missed
 *   (several instances: a Redis subscription dropped or a publish failed):
 *   (re)load what you show over REST, so nothing in between is lost.
 * - Every other event carries the new state of one thing (replace your copy).
 */
export const ZMapEvent = z.discriminatedUnion('type', [
  ...ZCommentEvent.options,
  ZTimerEvent,
  ZVoteRoundEvent,
  ZBallotEvent,
  ...ZVersionEvent.options,
  ZLocksEvent,
  ZFacilitationEvent,
  ZRatingRoundEvent,
  ZMyRatingsEvent,
  ZHandsEvent,
  ZPrivateModeEvent,
  ZPrivateCardsEvent,
  ZLifecycleEvent,
]);
export type TMapEvent = z.infer<typeof ZMapEvent>;
export type TMapEventType = TMapEvent['type'];
