/**
 * The presence (awareness) contract between the sync server and the web app.
 *
 * A client publishes `{ user, ...anything else (cursor, selection) }` through
 * y-protocols awareness. The server OVERWRITES `user` with the identity it
 * authenticated for that socket (apps/server/src/sync/awareness-rules.ts),
 * so what others see as `user` is always true: nobody can claim another name
 * or role. Everything else in the state is the client's own business.
 */
import { z } from 'zod';
import { REACTION_KINDS, type ReactionKind } from './api/hands.ts';
import { ZWorkspaceRole } from './api/roles.ts';
import { CALLER_KINDS, type CallerKind } from './capabilities/caller-kinds.ts';

export const ZPresenceUser = z.object({
  /** Stable per person: a user id, `guest:<id>` for a workshop participant, `link:<n>` for a share link viewer. */
  id: z.string(),
  name: z.string(),
  /** A CSS colour: the person's slot on this map (PRESENCE_COLORS), stamped by the server. */
  color: z.string(),
  /** share link viewers are `viewer` (or `commenter`); workshop participants are `editor`. */
  role: ZWorkspaceRole,
  kind: z.enum(['member', 'workshop', 'share']),
});
export type PresenceUser = z.infer<typeof ZPresenceUser>;

/**
 * How each kind of caller shows in presence — the sync server stamps it
 * (apps/server/src/sync/access.ts), and a browser reads it back
 * (`presenceCallerKind`) to count who on the map may do something. One table
 * for both directions, so the two can't drift apart.
 */
export const PRESENCE_SHOWN_AS: Record<
  CallerKind,
  { readonly role: PresenceUser['role']; readonly kind: PresenceUser['kind'] }
> = {
  owner: { role: 'owner', kind: 'member' },
  editor: { role: 'editor', kind: 'member' },
  commenter: { role: 'commenter', kind: 'member' },
  viewer: { role: 'viewer', kind: 'member' },
  'workshop-guest': { role: 'editor', kind: 'workshop' },
  'share-link': { role: 'viewer', kind: 'share' },
  'share-link-comments': { role: 'commenter', kind: 'share' },
};

/**
 * The capability table's kind of caller a presence shows (`PRESENCE_SHOWN_AS`
 * read backwards). Null for a state without one (an older client's).
 */
export function presenceCallerKind(user: Partial<PresenceUser>): CallerKind | null {
  const parsed = ZPresenceUser.pick({ role: true, kind: true }).safeParse(user);
  if (!parsed.success) return null;
  const { kind, role } = parsed.data;
  return (
    CALLER_KINDS.find(
      (caller) =>
        PRESENCE_SHOWN_AS[caller].kind === kind && PRESENCE_SHOWN_AS[caller].role === role,
    ) ?? null
  );
}

/** The awareness state shape; fields other than `user` are free for the client. */
export interface PresenceState {
  user: PresenceUser;
  [field: string]: unknown;
}

/**
 * Fifty colours a map hands out in order (apps/server/src/services/presence),
 * so up to fifty people on one map never wear the same one. Made in OKLCH:
 * 25 hues 14.4° apart at L 0.52 (the first 25 slots, stepping 7 hues at a
 * time so the first few people are far apart), then the same hues shifted
 * 7.2° at L 0.40. Every one carries white initials at ≥ 4.5:1 contrast.
 */
export const PRESENCE_COLORS = [
  '#af3b43',
  '#5d7400',
  '#0079a5',
  '#90469b',
  '#a24f00',
  '#008251',
  '#3d63be',
  '#ac3a5c',
  '#756c00',
  '#007e94',
  '#814caa',
  '#aa4700',
  '#007f34',
  '#006bbb',
  '#a53c73',
  '#886300',
  '#008180',
  '#6f53b6',
  '#ae3f26',
  '#3e7b05',
  '#0072b2',
  '#9c4088',
  '#975900',
  '#00836a',
  '#595bbc',
  '#7c2621',
  '#345300',
  '#00517a',
  '#692b66',
  '#6f3800',
  '#005b3f',
  '#324087',
  '#7b2435',
  '#494d00',
  '#00556f',
  '#5f2f73',
  '#763100',
  '#005a2b',
  '#174687',
  '#772447',
  '#584700',
  '#005961',
  '#53347d',
  '#7a2a02',
  '#145711',
  '#004c82',
  '#712757',
  '#653f00',
  '#005b51',
  '#453a84',
] as const;

/** Anonymous share-link viewers: one neutral colour, so no person's colour is taken by them. */
export const ANONYMOUS_PRESENCE_COLOR = '#64748b';

/**
 * A colour from the id alone (FNV-1a), for before the server has stamped one
 * (a tab that has not synced yet, an offline board); may collide.
 */
export function presenceColor(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PRESENCE_COLORS[(hash >>> 0) % PRESENCE_COLORS.length] as string;
}

/**
 * What the web app publishes next to `user` (apps/web/src/presence). All
 * positions are in board coordinates: CSS pixels from the board's top-left
 * corner at zoom 1, so people with different zoom and scroll agree.
 */
export interface PresenceActivity {
  /** The pointer over the board; null when it is elsewhere. Sent at most ~20 times a second. */
  cursor: { x: number; y: number } | null;
  /** The card selected or being edited, for the highlight others see. */
  cardId: string | null;
  editing: boolean;
  /** The visible part of the board, for "follow". */
  viewport: { x: number; y: number; width: number; height: number } | null;
  /**
   * A short reaction shown next to this person's cursor and avatar, or null.
   * The client sets it for REACTION_SHOW_MS, then back to null; `seq` grows
   * with every new one. The server keeps only the four kinds, at most one
   * new reaction per REACTION_MIN_INTERVAL_MS per connection, and only from
   * people who may take part (`workshop.participate`) — no free text.
   */
  reaction: PresenceReaction | null;
  /**
   * The summon this person's view follows now (its `startedAt`), or null: the
   * facilitator's banner says who is along and who looks elsewhere.
   */
  following: string | null;
}

/**
 * What a person's presence leaves out while a vote or an "Everyone rates"
 * round runs: where their pointer rests and which card they select would say
 * how they vote or score. Their browser sends these values instead
 * (apps/web/src/presence/presence-store.ts, setDiscreet), and the sync
 * server writes them over whatever a connection sends meanwhile
 * (apps/server/src/sync/awareness-rules.ts, keepSecretRoundsSecret).
 */
export const DISCREET_ACTIVITY = {
  cursor: null,
  cardId: null,
  editing: false,
} as const satisfies Partial<PresenceActivity>;

export interface PresenceReaction {
  readonly kind: ReactionKind;
  readonly seq: number;
}

/** How long a reaction stays up beside its sender. */
export const REACTION_SHOW_MS = 4000;
/** At most one new reaction per this long per connection (the server drops faster ones). */
export const REACTION_MIN_INTERVAL_MS = 1000;

/** A reaction as a client sent it, or null when it is not one of the allowed shapes. */
export function parseReaction(value: unknown): PresenceReaction | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, seq } = value as { kind?: unknown; seq?: unknown };
  if (typeof kind !== 'string' || !(REACTION_KINDS as readonly string[]).includes(kind)) {
    return null;
  }
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return null;
  return { kind: kind as ReactionKind, seq };
}
