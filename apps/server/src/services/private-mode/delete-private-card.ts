import type { PrismaClient } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';
import { writePrivateCard } from './write-private-card.ts';

/** Deletes one of the caller's own private cards (someone else's is "not found"). */
export async function deletePrivateCard(
  prisma: PrismaClient,
  input: { mapId: string; authorKey: string; cardId: string },
): Promise<void> {
  const { mapId, authorKey, cardId } = input;
  await writePrivateCard(prisma, mapId, authorKey, async (tx) => {
    const deleted = await tx.privateCard.deleteMany({ where: { id: cardId, mapId, authorKey } });
    if (deleted.count === 0) throw new AppError('PRIVATE_CARD_NOT_FOUND');
  });
}
