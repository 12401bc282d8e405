import type { Prisma } from '@journeyboard/db';

/**
 * Inside a score's transaction, before it reads anything: the rater's next
 * revision in the round. The upsert holds the rater's row until the commit,
 * so two changes by one person (two tabs, two quick clicks) happen one after
 * the other and the later one reads the earlier one's score — every answer
 * is the rater's whole state at its revision, and the highest is the newest.
 */
export async function nextRaterRevision(
  tx: Prisma.TransactionClient,
  roundId: string,
  raterKey: string,
): Promise<number> {
  const { revision } = await tx.raterRevision.upsert({
    where: { roundId_raterKey: { roundId, raterKey } },
    create: { roundId, raterKey, revision: 1 },
    update: { revision: { increment: 1 } },
    select: { revision: true },
  });
  return revision;
}
