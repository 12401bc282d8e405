import type { PrismaClient } from '@journeyboard/db';
import type { TMeResponse } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../policy/actor.ts';
import { listWorkspaces } from '../workspaces/list-workspaces.ts';

/** The signed-in account with its workspaces, or the workshop participant. */
export async function getMe(prisma: PrismaClient, actor: Actor): Promise<TMeResponse> {
  if (actor.user) {
    return {
      kind: 'user',
      user: actor.user.user,
      workspaces: await listWorkspaces(prisma, actor.user.user.id),
    };
  }
  if (actor.guest) {
    return {
      kind: 'guest',
      guest: { id: actor.guest.sessionId, name: actor.guest.name, mapId: actor.guest.mapId },
    };
  }
  throw new AppError('UNAUTHENTICATED');
}
