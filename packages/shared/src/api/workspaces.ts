import { z } from 'zod';
import { ZEmail, ZWorkspaceSummary } from './auth.ts';
import { ZWorkspaceRole } from './roles.ts';
import { ZLine } from './text.ts';

export const WORKSPACE_NAME_MAX = 80;

const ZWorkspaceName = ZLine('Name')
  .min(1, 'Give the workspace a name.')
  .max(WORKSPACE_NAME_MAX, `Keep the name to ${WORKSPACE_NAME_MAX} characters or fewer.`);

export const ZWorkspace = ZWorkspaceSummary;
export type TWorkspace = z.infer<typeof ZWorkspace>;

export const ZListWorkspacesResponse = z.object({ workspaces: z.array(ZWorkspace) });
export type TListWorkspacesResponse = z.infer<typeof ZListWorkspacesResponse>;

export const ZCreateWorkspaceRequest = z.strictObject({ name: ZWorkspaceName });
export type TCreateWorkspaceRequest = z.input<typeof ZCreateWorkspaceRequest>;

export const ZUpdateWorkspaceRequest = z.strictObject({ name: ZWorkspaceName });
export type TUpdateWorkspaceRequest = z.input<typeof ZUpdateWorkspaceRequest>;

export const ZMember = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZWorkspaceRole,
});
export type TMember = z.infer<typeof ZMember>;

/**
 * A workspace keeps at least one owner (`LAST_OWNER`): its only owner can
 * neither leave nor take another role until someone else is an owner too —
 * in a personal workspace, never. The server holds the rule under a lock;
 * this is the same rule for what a members list offers.
 */
export function isOnlyOwner(members: readonly TMember[], userId: string): boolean {
  const owners = members.filter((member) => member.role === 'owner');
  return owners.length === 1 && owners[0]?.userId === userId;
}

export const ZInvite = z.object({
  id: z.string(),
  email: z.string(),
  role: ZWorkspaceRole,
  expiresAt: z.iso.datetime(),
});
export type TInvite = z.infer<typeof ZInvite>;

export const ZListMembersResponse = z.object({
  members: z.array(ZMember),
  /** Pending invitations (owners only; empty for everyone else). */
  invites: z.array(ZInvite),
});
export type TListMembersResponse = z.infer<typeof ZListMembersResponse>;

export const ZAddMemberRequest = z.strictObject({ email: ZEmail, role: ZWorkspaceRole });
export type TAddMemberRequest = z.input<typeof ZAddMemberRequest>;

/**
 * An invitation with its link. Only its hash is stored, so the link is in
 * this answer once (inviting, or renewing: a new link that replaces the old).
 */
export const ZInviteWithLink = ZInvite.extend({ token: z.string(), url: z.string() });
export type TInviteWithLink = z.infer<typeof ZInviteWithLink>;

/** An existing account is added directly; anyone else gets an invitation link to sign up with. */
export const ZAddMemberResponse = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), member: ZMember }),
  z.object({ kind: z.literal('invite'), invite: ZInviteWithLink }),
]);
export type TAddMemberResponse = z.infer<typeof ZAddMemberResponse>;

export const ZUpdateMemberRequest = z.strictObject({ role: ZWorkspaceRole });
export type TUpdateMemberRequest = z.input<typeof ZUpdateMemberRequest>;

export const ZAcceptInviteRequest = z.strictObject({
  token: ZLine('The invitation token').min(1).max(200),
});
export type TAcceptInviteRequest = z.input<typeof ZAcceptInviteRequest>;

/** What the sign-up page says about an invitation before anyone signs up. */
export const ZPreviewInviteResponse = z.object({
  workspaceName: z.string(),
  /** The address invited: the sign-up form starts with it. */
  email: z.string(),
  role: ZWorkspaceRole,
  expiresAt: z.iso.datetime(),
});
export type TPreviewInviteResponse = z.infer<typeof ZPreviewInviteResponse>;
