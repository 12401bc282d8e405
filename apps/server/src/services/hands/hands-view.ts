import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '@journeyboard/db';
import type { THands, THandsResponse } from '@journeyboard/shared';
import { participantOf, type Actor } from '../../policy/actor.ts';

type Client = PrismaClient | Prisma.TransactionClient;

/**
 * A participant's opaque token on one map (`TRaisedHand.who`): the same for
 * all their tabs, but neither their account id nor — for a workshop guest —
 * their session, which is a credential. Hashed with the map id, so the same
 * person can't be followed from map to map by it.
 */
export function handOwnerToken(mapId: string, participantKey: string): string {
  return createHash('sha256')
    .update(`${mapId}\n${participantKey}`)
    .digest('base64url')
    .slice(0, 22);
}

/**
 * The map's raised hands, first raised first, with the map's hands revision.
 * One query after the other: inside a transaction both go over its one
 * connection, where a second query sent before the first answers is queued
 * (deprecated by `pg`, refused from pg 9). Prisma's adapter still does that
 * by itself for nested reads in a transaction (prisma/orm#29979).
 */
export async function readHands(prisma: Client, mapId: string): Promise<THands> {
  const hands = await prisma.raisedHand.findMany({
    where: { mapId },
    orderBy: [{ raisedAt: 'asc' }, { id: 'asc' }],
  });
  const state = await prisma.mapHandState.findUnique({
    where: { mapId },
    select: { revision: true },
  });
  return {
    hands: hands.map((hand) => ({
      id: hand.id,
      name: hand.name,
      raisedAt: hand.raisedAt.toISOString(),
      who: handOwnerToken(mapId, hand.participantKey),
    })),
    revision: state?.revision ?? 0,
  };
}

/**
 * The hands as `actor` is told them: which hand is theirs (`you`), for those
 * who take part in the workshop (`participates`: `workshop.participate`).
 */
export function handsFor(
  hands: THands,
  actor: Actor,
  mapId: string,
  participates: boolean,
): THandsResponse {
  const who = participantOf(actor, mapId);
  return { ...hands, you: participates && who ? handOwnerToken(mapId, who.key) : null };
}

/**
 * Runs one change to a map's hands: takes the map's hands row (so changes
 * to one map's hands happen one at a time and each reads the list it
 * leaves), and grows its revision when `change` says it changed something.
 */
export async function changeHands(
  prisma: PrismaClient,
  mapId: string,
  change: (tx: Prisma.TransactionClient) => Promise<boolean>,
): Promise<{ hands: THands; changed: boolean }> {
  return prisma.$transaction(async (tx) => {
    // One statement creates the row or, when it exists, locks it (DO UPDATE takes the
    // row lock): two first raises at once can't both insert it.
    await tx.$executeRaw`
      INSERT INTO map_hand_states ("mapId") VALUES (${mapId}::uuid)
      ON CONFLICT ("mapId") DO UPDATE SET revision = map_hand_states.revision`;
    const changed = await change(tx);
    if (changed) {
      await tx.mapHandState.update({ where: { mapId }, data: { revision: { increment: 1 } } });
    }
    return { hands: await readHands(tx, mapId), changed };
  });
}
