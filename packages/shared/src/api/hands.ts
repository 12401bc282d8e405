import { z } from 'zod';
import { zLookupId } from './ids.ts';

/**
 * Raised hands: server-authoritative, in the order they went up. A
 * participant raises and lowers their own; a facilitator lowers one or all.
 */
export const ZRaisedHand = z.object({
  id: z.string(),
  name: z.string(),
  raisedAt: z.iso.datetime(),
  /**
   * Whose hand it is, as an opaque token (not an account or session id):
   * the same for every tab of one person, so a tab finds its own hand with
   * `you` of the hands' answer.
   */
  who: z.string(),
});
export type TRaisedHand = z.infer<typeof ZRaisedHand>;

/** The map's raised hands, first raised first. */
export const ZHands = z.object({
  hands: z.array(ZRaisedHand),
  /** Grows with every change: keep the list with the highest one. */
  revision: z.number().int().min(0),
});
export type THands = z.infer<typeof ZHands>;

/** The hands as one caller reads them: with their own `who` (null: they can't raise one). */
export const ZHandsResponse = ZHands.extend({ you: z.string().nullable() });
export type THandsResponse = z.infer<typeof ZHandsResponse>;

export const ZHandParams = z.object({
  id: zLookupId('MAP_NOT_FOUND', 'The map id'),
  handId: zLookupId('HAND_NOT_FOUND', 'The hand id'),
});

/** On the map's event stream, to everyone on the map: the raised hands now. */
export const ZHandsEvent = z.object({ type: z.literal('hands'), hands: ZHands });

/** Reactions (ephemeral, on the awareness channel: packages/shared/src/presence.ts). */
export const REACTION_KINDS = ['thumbs-up', 'heart', 'surprised', 'question'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
