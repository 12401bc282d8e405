import type { PrismaClient } from '@journeyboard/db';
import { hashToken } from './tokens.ts';

/** Signs a browser out: its session stops working everywhere at once. Returns the session id. */
export async function deleteSession(prisma: PrismaClient, token: string): Promise<string | null> {
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true },
  });
  if (!session) return null;
  await prisma.session.deleteMany({ where: { id: session.id } });
  return session.id;
}
