import type { PrismaClient } from '@journeyboard/db';
import type { TPrivateCard, TUpdatePrivateCardRequest } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { toPrivateCard } from './private-mode-view.ts';
import { writePrivateCard } from './write-private-card.ts';

/**
 * Changes one of the caller's own private cards. Someone else's card answers
 * exactly like a missing one (404), so ids can't be probed.
 */
export async function updatePrivateCard(
  prisma: PrismaClient,
  input: {
    mapId: string;
    authorKey: string;
    cardId: string;
    change: TUpdatePrivateCardRequest;
  },
): Promise<TPrivateCard> {
  const { mapId, authorKey, cardId, change } = input;
  return writePrivateCard(prisma, mapId, authorKey, async (tx) => {
    const card = await tx.privateCard.findFirst({ where: { id: cardId, mapId, authorKey } });
    if (!card) throw new AppError('PRIVATE_CARD_NOT_FOUND');
    // Stored fields are what ZPrivateCardFields accepted: text, numbers, booleans, null.
    const fields: Record<string, string | number | boolean | null> | undefined = change.fields
      ? { ...(card.fields as Record<string, string | number | boolean | null>), ...change.fields }
      : undefined;
    const row = await tx.privateCard.update({
      where: { id: card.id },
      data: {
        ...(change.stageId !== undefined ? { stageId: change.stageId } : {}),
        ...(change.laneId !== undefined ? { laneId: change.laneId } : {}),
        ...(change.text !== undefined ? { text: change.text } : {}),
        ...(fields ? { fields } : {}),
      },
    });
    return toPrivateCard(row);
  });
}
