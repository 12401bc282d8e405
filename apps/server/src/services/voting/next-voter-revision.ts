import type { Prisma } from '@journeyboard/db';

/**
 * Inside a vote's transaction, under the voter's lock (`lockRunningRound`):
 * the voter's next ballot revision in the round. A voter's clicks are counted
 * one after the other, so the highest revision is the newest ballot, whatever
 * order its answers and events reach the voter's tabs in.
 */
export async function nextVoterRevision(
  tx: Prisma.TransactionClient,
  roundId: string,
  voterKey: string,
): Promise<number> {
  const { revision } = await tx.voterRevision.upsert({
    where: { roundId_voterKey: { roundId, voterKey } },
    create: { roundId, voterKey, revision: 1 },
    update: { revision: { increment: 1 } },
    select: { revision: true },
  });
  return revision;
}
