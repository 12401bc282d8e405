import type { PrismaClient } from '@journeyboard/db';
import type { THands } from '@journeyboard/shared';
import type { Participant } from '../../policy/actor.ts';
import { changeHands } from './hands-view.ts';

/** Raises the participant's hand; raised already, it keeps its place in the queue. */
export async function raiseHand(
  prisma: PrismaClient,
  mapId: string,
  who: Participant,
): Promise<{ hands: THands; changed: boolean }> {
  return changeHands(prisma, mapId, async (tx) => {
    const existing = await tx.raisedHand.findUnique({
      where: { mapId_participantKey: { mapId, participantKey: who.key } },
      select: { id: true },
    });
    if (existing) return false;
    await tx.raisedHand.create({ data: { mapId, participantKey: who.key, name: who.name } });
    return true;
  });
}
