import type { PrismaClient } from '@journeyboard/db';
import { PRIVATE_CARDS_PER_AUTHOR_MAX, type TPrivateCard } from '@journeyboard/shared';
import { createId } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import { toPrivateCard } from './private-mode-view.ts';
import { writePrivateCard } from './write-private-card.ts';

/**
 * A participant's new private card in a cell (the route checked the cell is
 * on the board). Its id is a board card id: the reveal puts it on the board
 * under this id, which makes a repeated reveal add nothing twice.
 */
export async function createPrivateCard(
  prisma: PrismaClient,
  input: {
    mapId: string;
    author: { key: string; name: string };
    stageId: string;
    laneId: string;
    text: string;
    fields: TPrivateCard['fields'];
  },
): Promise<TPrivateCard> {
  const { mapId, author } = input;
  return writePrivateCard(prisma, mapId, author.key, async (tx) => {
    const written = await tx.privateCard.count({ where: { mapId, authorKey: author.key } });
    if (written >= PRIVATE_CARDS_PER_AUTHOR_MAX) throw new AppError('PRIVATE_CARD_LIMIT');
    const row = await tx.privateCard.create({
      data: {
        id: createId(),
        mapId,
        authorKey: author.key,
        authorName: author.name,
        stageId: input.stageId,
        laneId: input.laneId,
        text: input.text,
        fields: input.fields,
      },
    });
    return toPrivateCard(row);
  });
}
