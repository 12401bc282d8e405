import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import {
  type ZUpdateWorkspaceRequest,
  type TWorkspace,
  type TWorkspaceRole,
} from '@journeyboard/shared';
import { toWorkspace } from './to-workspace.ts';

export async function renameWorkspace(
  prisma: PrismaClient,
  workspaceId: string,
  request: z.output<typeof ZUpdateWorkspaceRequest>,
  role: TWorkspaceRole,
): Promise<TWorkspace> {
  const { name } = request;
  const workspace = await prisma.workspace.update({ where: { id: workspaceId }, data: { name } });
  return toWorkspace(workspace, role);
}
