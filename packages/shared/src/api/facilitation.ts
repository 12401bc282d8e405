import { z } from 'zod';
import { ANCHOR_ID_MAX } from './comments.ts';
import { ZLine } from './text.ts';

/** Board coordinates are CSS pixels of the board at 100 %; a board is never this large. */
const COORDINATE_MAX = 1_000_000;
const ZCoordinate = (what: string) =>
  z
    .number({ error: `${what} is a number of board pixels.` })
    .min(0, `${what} is 0 or more.`)
    .max(COORDINATE_MAX, `${what} is at most ${COORDINATE_MAX}.`);

/** How far into a stage column or lane row: 0 its start, 1 its end, beyond when outside it. */
const ZGridFraction = (what: string) =>
  z
    .number({ error: `${what} is a number (0 to 1 inside the item).` })
    .min(-1_000, `${what} is at least -1000.`)
    .max(1_000, `${what} is at most 1000.`);

/**
 * A point of the board named by the grid: a stage's column and a lane's row,
 * and how far into each. Each person's layout differs a little (their tools,
 * lock marks, fonts), so board pixels drift between screens; a follower finds
 * the same spot on their own board by this.
 */
export const ZGridPoint = z.strictObject({
  stageId: ZLine('The stage id').max(ANCHOR_ID_MAX),
  stageAt: ZGridFraction('stageAt'),
  laneId: ZLine('The lane id').max(ANCHOR_ID_MAX),
  laneAt: ZGridFraction('laneAt'),
});
export type TGridPoint = z.infer<typeof ZGridPoint>;

/** The visible part of the board, in board coordinates (as presence's viewport). */
export const ZViewport = z.strictObject({
  x: ZCoordinate('x'),
  y: ZCoordinate('y'),
  width: ZCoordinate('width'),
  height: ZCoordinate('height'),
  /** The view's centre on the grid, when the sender knows it: followers centre on it. */
  centre: ZGridPoint.optional(),
});
export type TViewport = z.infer<typeof ZViewport>;

/**
 * A summon is a lease: the summoning facilitator's page renews it every
 * SUMMON_RENEW_MS while it is open (moving renews it too), and one not
 * renewed for SUMMON_LEASE_MS is over for everyone — a facilitator who closed
 * the laptop doesn't keep the room following a frozen view, or find the
 * summon still running when they come back. The lease outlasts a reload and
 * Chrome's once-a-minute timers in a tab left in the background.
 */
export const SUMMON_RENEW_MS = 20_000;
export const SUMMON_LEASE_MS = 90_000;

/**
 * What the facilitator is showing the room, server-authoritative:
 * - `summon`: "Bring everyone to me" — everyone else's view follows
 *   `viewport` (the facilitator's, sent again whenever it moves) until they
 *   move themselves or press "Stop following"; null when not summoning.
 * - `spotlight`: one stage highlighted and scrolled into view for everyone.
 */
export const ZFacilitation = z.object({
  summon: z
    .object({
      by: z.object({ userId: z.string(), name: z.string() }),
      viewport: ZViewport,
      /** A new summon (not a move of the same one): people who stopped following follow again. */
      startedAt: z.iso.datetime(),
      /**
       * Milliseconds from when this state was sent until the summon lapses
       * unless renewed (SUMMON_LEASE_MS): relative, so no one's clock matters.
       */
      lapsesInMs: z.number().int().min(0),
    })
    .nullable(),
  spotlight: z.object({ stageId: z.string() }).nullable(),
  /** Grows with every change: keep the state with the highest one. */
  revision: z.number().int().min(0),
});
export type TFacilitation = z.infer<typeof ZFacilitation>;

export const ZSummonRequest = z.strictObject({ viewport: ZViewport });
export type TSummonRequest = z.input<typeof ZSummonRequest>;

export const ZSpotlightRequest = z.strictObject({
  /** null: end the spotlight. */
  stageId: ZLine('The stage id')
    .min(1, 'Send the id of the stage to spotlight, or null to end it.')
    .max(ANCHOR_ID_MAX, 'That is not a stage id.')
    .nullable(),
});
export type TSpotlightRequest = z.input<typeof ZSpotlightRequest>;

/** On the map's event stream, to everyone on the map: the new facilitation state. */
export const ZFacilitationEvent = z.object({
  type: z.literal('facilitation'),
  facilitation: ZFacilitation,
});
