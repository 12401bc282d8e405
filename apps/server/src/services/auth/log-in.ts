import type { PrismaClient } from '@journeyboard/db';
import type { ZLoginRequest, TUser } from '@journeyboard/shared';
import type { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password.ts';

/** Checks email + password. One answer for unknown email and wrong password. */
export async function logIn(
  prisma: PrismaClient,
  input: z.output<typeof ZLoginRequest>,
): Promise<TUser> {
  const user = await prisma.user.findUnique({ where: { email: input.email } });
  // Hash even for an unknown email: timing must not reveal which emails have accounts.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS');
  return { id: user.id, email: user.email, name: user.name };
}
