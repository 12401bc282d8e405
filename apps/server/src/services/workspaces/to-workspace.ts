import type { TWorkspace, TWorkspaceRole } from '@journeyboard/shared';
import { memberWorkspaceCapabilities } from '../../policy/policy.ts';

/** A workspace as its member sees it: with their role and what it lets them do. */
export const toWorkspace = (
  workspace: { id: string; name: string; personal: boolean },
  role: TWorkspaceRole,
): TWorkspace => ({
  id: workspace.id,
  name: workspace.name,
  personal: workspace.personal,
  role,
  capabilities: memberWorkspaceCapabilities(role),
});
