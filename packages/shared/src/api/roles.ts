import { z } from 'zod';

/** A workspace member's role, strongest first. */
export const WORKSPACE_ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;
export const ZWorkspaceRole = z.enum(WORKSPACE_ROLES, {
  error: `Role must be one of: ${WORKSPACE_ROLES.join(', ')}.`,
});
export type TWorkspaceRole = z.infer<typeof ZWorkspaceRole>;
