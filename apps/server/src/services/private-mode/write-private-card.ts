import type { Prisma, PrismaClient } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';

/**
 * Runs `write` in a transaction that holds the map's `private_mode` row FOR
 * SHARE and an advisory lock per author: a private-card write either lands
 * before the reveal (which takes the row FOR UPDATE, so the card is revealed)
 * or is refused after it — never lost in between — and one author's
 * concurrent writes are counted one by one against the per-author cap.
 */
export async function writePrivateCard<T>(
  prisma: PrismaClient,
  mapId: string,
  authorKey: string,
  write: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return prisma.$transaction(async (tx) => {
    const mode = await tx.$queryRaw<{ running: boolean }[]>`
      SELECT running FROM private_mode WHERE "mapId" = ${mapId}::uuid FOR SHARE`;
    if (!mode[0]?.running) throw new AppError('PRIVATE_MODE_NOT_RUNNING');
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`private-cards:${mapId}:${authorKey}`}))`;
    return write(tx);
  });
}
