/**
 * Map history: who made a change (attribution), named and automatic
 * versions, restore, and what changed between two points.
 */
import { z } from 'zod';

/**
 * Who made a stored change. The server decides it from the connection's
 * authenticated identity (or the REST caller), never from anything a client
 * sends: `member` (an account; `id` is the user id), `workshop` (a workshop
 * participant without an account; `id` is `guest:<session id>`), or
 * `system` (the server itself: templates, automatic repairs, a resync).
 */
export const ZEditAuthor = z.object({
  kind: z.enum(['member', 'workshop', 'system']),
  id: z.string().nullable(),
  name: z.string(),
});
export type EditAuthor = z.infer<typeof ZEditAuthor>;

export const SYSTEM_AUTHOR: EditAuthor = { kind: 'system', id: null, name: 'Journeyboard' };
