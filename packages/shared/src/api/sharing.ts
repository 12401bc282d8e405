import { z } from 'zod';
import { PASSWORD_MAX, ZDisplayName } from './auth.ts';
import { ZJourneyMap } from './maps.ts';
import { ZLine, ZText } from './text.ts';

const ZExpiresAt = z.iso
  .datetime({
    offset: true,
    error: 'expiresAt must be an ISO date-time, e.g. 2030-01-31T17:00:00Z.',
  })
  .refine((value) => Date.parse(value) > Date.now(), 'Pick an expiry in the future.')
  .nullable()
  .optional();

const ZToken = ZLine('The token from the link').min(1, 'Send the token from the link.').max(200);

/** What a read-only link opens on: the board, or the leadership briefing. */
export const SHARE_LINK_VIEWS = ['board', 'briefing'] as const;
export const ZShareLinkView = z.enum(SHARE_LINK_VIEWS, {
  error: "opensOn must be 'board' or 'briefing'.",
});
export type TShareLinkView = z.infer<typeof ZShareLinkView>;

/** Shortest password a read-only link takes: said aloud or sent apart from the link, so shorter than an account's. */
export const SHARE_LINK_PASSWORD_MIN = 6;

/** A read-only link's password, as the owner types it (kept as typed: spaces count). */
export const ZShareLinkPassword = ZText('Password', { trim: false })
  .min(
    SHARE_LINK_PASSWORD_MIN,
    `Use at least ${SHARE_LINK_PASSWORD_MIN} characters for the link's password.`,
  )
  .max(PASSWORD_MAX, `Keep the password to ${PASSWORD_MAX} characters or fewer.`);

export const ZCreateShareLinkRequest = z.strictObject({
  expiresAt: ZExpiresAt,
  /** Whether people with the link see the map's comment threads (read-only). */
  allowComments: z.boolean().default(false),
  opensOn: ZShareLinkView.default('board'),
  /** Whoever opens the link must type this first. Stored hashed, never returned. */
  password: ZShareLinkPassword.optional(),
});
export type TCreateShareLinkRequest = z.input<typeof ZCreateShareLinkRequest>;

/**
 * What an owner may change on an existing link: comments, the page it opens
 * on, its password (a new one, or null to remove it) — any of them.
 */
export const ZUpdateShareLinkRequest = z
  .strictObject({
    allowComments: z.boolean({ error: 'Send allowComments: true or false.' }).optional(),
    opensOn: ZShareLinkView.optional(),
    /** Setting or changing it ends every device's unlock; null removes it. */
    password: ZShareLinkPassword.nullable().optional(),
  })
  .refine(
    (value) =>
      value.allowComments !== undefined ||
      value.opensOn !== undefined ||
      value.password !== undefined,
    'Send allowComments, opensOn or password (null removes it).',
  );
export type TUpdateShareLinkRequest = z.input<typeof ZUpdateShareLinkRequest>;

export const ZShareLink = z.object({
  id: z.string(),
  mapId: z.string(),
  /** The map's read-only links are numbered as they were made ("Read-only link 3"), for good. */
  number: z.number().int().positive(),
  allowComments: z.boolean(),
  opensOn: ZShareLinkView,
  /** Whether opening the link asks for a password (the password itself is never sent). */
  hasPassword: z.boolean(),
  expiresAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TShareLink = z.infer<typeof ZShareLink>;

/** The token is shown once, at creation; only its hash is stored. */
export const ZCreateShareLinkResponse = ZShareLink.extend({ token: z.string(), url: z.string() });
export type TCreateShareLinkResponse = z.infer<typeof ZCreateShareLinkResponse>;

export const ZListShareLinksResponse = z.object({ links: z.array(ZShareLink) });
export type TListShareLinksResponse = z.infer<typeof ZListShareLinksResponse>;

export const ZOpenLinkRequest = z.strictObject({ token: ZToken });
export type TOpenLinkRequest = z.input<typeof ZOpenLinkRequest>;

/** The password form's request: the link's token and the password typed. */
export const ZUnlockShareLinkRequest = z.strictObject({
  token: ZToken,
  password: ZText('Password', { trim: false })
    .min(1, 'Enter the password for this link.')
    .max(PASSWORD_MAX),
});
export type TUnlockShareLinkRequest = z.input<typeof ZUnlockShareLinkRequest>;

export const ZOpenShareLinkResponse = z.object({
  map: ZJourneyMap,
  allowComments: z.boolean(),
  opensOn: ZShareLinkView,
  expiresAt: z.iso.datetime().nullable(),
});
export type TOpenShareLinkResponse = z.infer<typeof ZOpenShareLinkResponse>;

export const ZCreateWorkshopLinkRequest = z.strictObject({
  expiresAt: ZExpiresAt,
  /**
   * Also lock the board's stages and lanes for participants (the structure
   * lock, which binds everyone without `workshop.facilitate`). Off unless
   * asked: making a link over the API changes nothing else on the board.
   */
  lockStructure: z.boolean({ error: 'Send lockStructure: true or false.' }).default(false),
});
export type TCreateWorkshopLinkRequest = z.input<typeof ZCreateWorkshopLinkRequest>;

export const ZWorkshopLink = z.object({
  id: z.string(),
  mapId: z.string(),
  /** The map's workshop links are numbered as they were made ("Workshop link 2"), for good. */
  number: z.number().int().positive(),
  expiresAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TWorkshopLink = z.infer<typeof ZWorkshopLink>;

export const ZCreateWorkshopLinkResponse = ZWorkshopLink.extend({
  token: z.string(),
  url: z.string(),
});
export type TCreateWorkshopLinkResponse = z.infer<typeof ZCreateWorkshopLinkResponse>;

export const ZListWorkshopLinksResponse = z.object({ links: z.array(ZWorkshopLink) });
export type TListWorkshopLinksResponse = z.infer<typeof ZListWorkshopLinksResponse>;

export const ZJoinWorkshopRequest = z.strictObject({ token: ZToken, name: ZDisplayName });
export type TJoinWorkshopRequest = z.input<typeof ZJoinWorkshopRequest>;

/** What the join page shows before anyone joins: which map the link is for. */
export const ZPreviewWorkshopLinkResponse = z.object({
  mapTitle: z.string(),
  expiresAt: z.iso.datetime().nullable(),
  /**
   * This device already takes part in the map's workshop (its guest cookie):
   * under which name, and the map to go back to. Null for everyone else.
   */
  joinedAs: z.object({ name: z.string(), mapId: z.string() }).nullable(),
});
export type TPreviewWorkshopLinkResponse = z.infer<typeof ZPreviewWorkshopLinkResponse>;

export const ZJoinWorkshopResponse = z.object({
  map: ZJourneyMap,
  guest: z.object({ id: z.string(), name: z.string() }),
});
export type TJoinWorkshopResponse = z.infer<typeof ZJoinWorkshopResponse>;
