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
import { ZWorkspaceRole } from './api/roles.ts';

export const ZPresenceUser = z.object({
  /** Stable per person: a user id, `guest:<id>` for a workshop participant, `link:<n>` for a share link viewer. */
  id: z.string(),
  name: z.string(),
  /** A CSS colour derived from `id`, the same for that person everywhere. */
  color: z.string(),
  /** share link viewers are `viewer` (or `commenter`); workshop participants are `editor`. */
  role: ZWorkspaceRole,
  kind: z.enum(['member', 'workshop', 'share']),
});
export type PresenceUser = z.infer<typeof ZPresenceUser>;

/** The awareness state shape; fields other than `user` are free for the client. */
export interface PresenceState {
  user: PresenceUser;
  [field: string]: unknown;
}

/** Distinguishable on white and on the board's pastel cells. */
export const PRESENCE_COLORS = [
  '#e11d48',
  '#7c3aed',
  '#2563eb',
  '#0891b2',
  '#059669',
  '#ca8a04',
  '#ea580c',
  '#db2777',
] as const;

/** The colour for a presence id (FNV-1a over the id, so it is stable across sessions). */
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
}
