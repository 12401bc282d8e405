import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import { type ZCreateWorkspaceRequest, type TWorkspace } from '@journeyboard/shared';
import { toWorkspace } from './to-workspace.ts';

/** A team workspace; its creator is its first owner. */
export async function createWorkspace(
  prisma: PrismaClient,
  userId: string,
  request: z.output<typeof ZCreateWorkspaceRequest>,
): Promise<TWorkspace> {
  const { name } = request;
  const workspace = await prisma.workspace.create({
    data: { name, members: { create: { userId, role: 'owner' } } },
  });
  return toWorkspace(workspace, 'owner');
}
