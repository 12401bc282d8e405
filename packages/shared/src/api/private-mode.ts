import { z } from 'zod';
import { CARD_TEXT_MAX } from '../board/types.ts';
import { ANCHOR_ID_MAX } from './comments.ts';
import { zLookupId } from './ids.ts';
import { ZLine, ZText } from './text.ts';

/** One participant writes at most this many private cards in a round (the reveal is one update). */
export const PRIVATE_CARDS_PER_AUTHOR_MAX = 100;
/** A private card's text: what a card on the board holds. */
export const PRIVATE_CARD_TEXT_MAX = CARD_TEXT_MAX;

/**
 * The map's silent brainstorm (private mode). While `running`, a
 * participant's new cards are private — on their own client only — and the
 * shared board is read-only for participants; the facilitator's end reveals
 * every private card into the board at once. `lastReveal` describes the most
 * recent reveal (null before the first).
 */
export const ZPrivateMode = z.object({
  running: z.boolean(),
  startedBy: z.string().nullable(),
  startedAt: z.iso.datetime().nullable(),
  lastReveal: z
    .object({
      /** How many private cards the reveal put on the board. */
      cards: z.number().int().min(0),
      /** Revealed without author names. */
      anonymous: z.boolean(),
    })
    .nullable(),
  /** Grows with every change: keep the state with the highest one. */
  revision: z.number().int().min(0),
});
export type TPrivateMode = z.infer<typeof ZPrivateMode>;

export const ZEndPrivateModeRequest = z.strictObject({
  /** true: reveal the cards without their authors' names. */
  anonymous: z.boolean({ error: 'anonymous is true or false.' }).default(false),
});
export type TEndPrivateModeRequest = z.input<typeof ZEndPrivateModeRequest>;

const ZBoardItemId = (label: string) =>
  ZLine(label)
    .min(1, `Send the ${label.toLowerCase()}.`)
    .max(ANCHOR_ID_MAX, `That is not a ${label.toLowerCase()}.`);

/**
 * Card fields by name (colour, moment of truth, the lane kind's fields), as
 * on the board; a value the board would not accept is dropped at the reveal.
 */
const ZPrivateCardFields = z
  .record(
    ZLine('A card field name').max(64),
    z.union([z.string().max(PRIVATE_CARD_TEXT_MAX), z.number(), z.boolean(), z.null()]),
  )
  .refine((fields) => Object.keys(fields).length <= 32, 'A card has at most 32 fields.');

/** One of your private cards (nobody else ever receives it before the reveal). */
export const ZPrivateCard = z.object({
  /** The id the card keeps on the board after the reveal. */
  id: z.string(),
  stageId: z.string(),
  laneId: z.string(),
  text: z.string(),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TPrivateCard = z.infer<typeof ZPrivateCard>;

export const ZPrivateCardsResponse = z.object({ cards: z.array(ZPrivateCard) });
export type TPrivateCardsResponse = z.infer<typeof ZPrivateCardsResponse>;

export const ZCreatePrivateCardRequest = z.strictObject({
  stageId: ZBoardItemId('Stage id'),
  laneId: ZBoardItemId('Lane id'),
  text: ZText('The card text')
    .max(PRIVATE_CARD_TEXT_MAX, `A card holds at most ${PRIVATE_CARD_TEXT_MAX} characters.`)
    .default(''),
  fields: ZPrivateCardFields.default({}),
});
export type TCreatePrivateCardRequest = z.input<typeof ZCreatePrivateCardRequest>;

/** What to change; fields are merged into the card's (null clears a choice). */
export const ZUpdatePrivateCardRequest = z.strictObject({
  stageId: ZBoardItemId('Stage id').optional(),
  laneId: ZBoardItemId('Lane id').optional(),
  text: ZText('The card text')
    .max(PRIVATE_CARD_TEXT_MAX, `A card holds at most ${PRIVATE_CARD_TEXT_MAX} characters.`)
    .optional(),
  fields: ZPrivateCardFields.optional(),
});
export type TUpdatePrivateCardRequest = z.input<typeof ZUpdatePrivateCardRequest>;

export const ZPrivateCardParams = z.object({
  id: zLookupId('MAP_NOT_FOUND', 'The map id'),
  cardId: ZBoardItemId('Card id'),
});

/** On the map's event stream, to everyone on the map: the mode's new state. */
export const ZPrivateModeEvent = z.object({
  type: z.literal('private-mode'),
  privateMode: ZPrivateMode,
});

/**
 * On the map's event stream, to the author only (every tab of theirs, on any
 * instance): their private cards now, all of them (replace your copy).
 */
export const ZPrivateCardsEvent = z.object({
  type: z.literal('private-cards'),
  cards: z.array(ZPrivateCard),
});

/**
 * How far a running brainstorm has got, for its facilitators: private cards
 * with text, and how many people wrote them — counts only, never whose
 * cards or what they say, so the facilitator can tell when to reveal.
 */
export const ZPrivateModeProgress = z.object({
  cards: z.number().int().min(0),
  writers: z.number().int().min(0),
});
export type TPrivateModeProgress = z.infer<typeof ZPrivateModeProgress>;

/** On the map's event stream, to facilitators only (`workshop.facilitate`): the counts now. */
export const ZPrivateProgressEvent = z.object({
  type: z.literal('private-progress'),
  progress: ZPrivateModeProgress,
});
