import type { TWorkspace, TWorkspaceRole } from '@journeyboard/shared';
import { memberWorkspaceCapabilities } from '../../policy/policy.ts';

/**
 * A workspace as its member sees it: with their role, what it lets them do,
 * and who added them while they haven't yet seen it (`addedBy`).
 */
export const toWorkspace = (
  workspace: { id: string; name: string; personal: boolean },
  role: TWorkspaceRole,
  addedBy?: string,
): TWorkspace => ({
  id: workspace.id,
  name: workspace.name,
  personal: workspace.personal,
  role,
  capabilities: memberWorkspaceCapabilities(role),
  ...(addedBy === undefined ? {} : { addedBy }),
});
