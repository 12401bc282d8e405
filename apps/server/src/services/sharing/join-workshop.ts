import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import {
  guestPersonKey,
  type THands,
  type TJoinWorkshopResponse,
  type ZJoinWorkshopRequest,
} from '@journeyboard/shared';
import { SESSION_TTL_MS } from '../auth/create-session.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { lowerHands } from '../hands/lower-hands.ts';
import type { GuestPrincipal } from '../../policy/actor.ts';
import { workshopGuestCapabilities } from '../../policy/policy.ts';
import { toJourneyMap } from '../maps/to-journey-map.ts';
import { findOpenWorkshopLink } from './find-open-workshop-link.ts';
import { AppError } from '../../errors/app-error.ts';

export type JoinedWorkshop =
  /** This device was already in under that name: its session (votes, hand, cards) carries on. */
  | { readonly kind: 'resumed'; readonly response: TJoinWorkshopResponse }
  | {
      readonly kind: 'joined';
      readonly response: TJoinWorkshopResponse;
      readonly token: string;
      readonly expiresAt: Date;
      /** The device's earlier session on this map, ended for the new name: its sockets must close. */
      readonly endedSessionId: string | null;
      /** The map's hands after that session's hand came down; null when it had none raised. */
      readonly lowered: THands | null;
    };

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A participant joins through a workshop link with a display name: a guest
 * session (cookie) as a workshop guest of that one map, ending with the link.
 * A name another participant of the map already goes by (any case) is
 * refused with WORKSHOP_NAME_TAKEN: two "Ana"s could not be told apart in
 * the avatars, the raised hands or a round's results.
 *
 * `current` is the caller's guest session, if any. On this map under the same
 * name it is simply resumed — the person opened the link again — rather than
 * refused for a name their own session holds. Under another name it is ended
 * in the same transaction: one device is one participant, and the old name
 * is free again; its raised hand comes down.
 */
export async function joinWorkshop(
  prisma: PrismaClient,
  input: z.output<typeof ZJoinWorkshopRequest>,
  current: GuestPrincipal | null,
): Promise<JoinedWorkshop> {
  const link = await findOpenWorkshopLink(prisma, input.token);
  const map = toJourneyMap(link.map, workshopGuestCapabilities());
  const mine = current?.mapId === link.mapId ? current : null;
  if (mine && sameName(mine.name, input.name)) {
    return { kind: 'resumed', response: { map, guest: { id: mine.sessionId, name: mine.name } } };
  }
  const token = newToken('guest');
  const sessionEnd = new Date(Date.now() + SESSION_TTL_MS);
  const expiresAt = link.expiresAt && link.expiresAt < sessionEnd ? link.expiresAt : sessionEnd;
  const session = await prisma.$transaction(async (tx) => {
    // Two people joining as "Ana" at the same moment: one at a time per map.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`workshop-names:${link.mapId}`}))`;
    if (mine) await tx.session.deleteMany({ where: { id: mine.sessionId } });
    const [taken] = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM sessions s JOIN workshop_links l ON l.id = s."workshopLinkId"
      WHERE l."mapId" = ${link.mapId}::uuid AND l."revokedAt" IS NULL
        AND s."expiresAt" > (now() AT TIME ZONE 'UTC') AND lower(s."guestName") = lower(${input.name})
      LIMIT 1`;
    if (taken) throw new AppError('WORKSHOP_NAME_TAKEN');
    return tx.session.create({
      data: {
        tokenHash: hashToken(token),
        workshopLinkId: link.id,
        guestName: input.name,
        expiresAt,
      },
    });
  });
  // Its hand, like a revoked link's guests' (revoke-workshop-link.ts): nobody can lower it now.
  const lowered = mine
    ? await lowerHands(prisma, link.mapId, { own: guestPersonKey(mine.sessionId) })
    : null;
  return {
    kind: 'joined',
    response: { map, guest: { id: session.id, name: input.name } },
    token,
    expiresAt,
    endedSessionId: mine?.sessionId ?? null,
    lowered: lowered?.changed ? lowered.hands : null,
  };
}
