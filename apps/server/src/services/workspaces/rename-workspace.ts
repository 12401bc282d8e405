import type { PrismaClient } from '@journeyboard/db';
import {
  ZUpdateWorkspaceRequest,
  type TUpdateWorkspaceRequest,
  type TWorkspace,
  type TWorkspaceRole,
} from '@journeyboard/shared';
import { toWorkspace } from './to-workspace.ts';

export async function renameWorkspace(
  prisma: PrismaClient,
  workspaceId: string,
  request: TUpdateWorkspaceRequest,
  role: TWorkspaceRole,
): Promise<TWorkspace> {
  const { name } = ZUpdateWorkspaceRequest.parse(request);
  const workspace = await prisma.workspace.update({ where: { id: workspaceId }, data: { name } });
  return toWorkspace(workspace, role);
}
