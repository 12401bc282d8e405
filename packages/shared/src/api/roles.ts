import { z } from 'zod';

/** A workspace member's role, strongest first. */
export const WORKSPACE_ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;
export const ZWorkspaceRole = z.enum(WORKSPACE_ROLES, {
  error: `Role must be one of: ${WORKSPACE_ROLES.join(', ')}.`,
});
export type TWorkspaceRole = z.infer<typeof ZWorkspaceRole>;

/** How a role is named to people (the Members page, invitations). */
export const WORKSPACE_ROLE_LABELS: Record<TWorkspaceRole, string> = {
  owner: 'Owner',
  editor: 'Editor',
  commenter: 'Commenter',
  viewer: 'Viewer',
};
