import { z } from 'zod';
import { ZInviteParams, ZMemberParams, ZWorkspaceParams } from '../ids.ts';
import { defineRoute, errors } from '../route.ts';
import {
  ZAcceptInviteRequest,
  ZAddMemberRequest,
  ZAddMemberResponse,
  ZCreateWorkspaceRequest,
  ZInviteWithLink,
  ZListMembersResponse,
  ZListWorkspacesResponse,
  ZMember,
  ZPreviewInviteResponse,
  ZUpdateMemberRequest,
  ZUpdateWorkspaceRequest,
  ZWorkspace,
} from '../workspaces.ts';

const failures = errors(400, 401, 403, 404, 409, 410);

/** Workspaces, their members and invitations. */
export const workspaceRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/workspaces',
    summary: 'Your workspaces',
    responses: { 200: ZListWorkspacesResponse, ...failures },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/workspaces',
    summary: 'Create a team workspace (you become its owner)',
    body: ZCreateWorkspaceRequest,
    responses: { 201: ZWorkspace, ...failures },
  }),
  rename: defineRoute({
    method: 'PATCH',
    path: '/api/workspaces/:id',
    summary: 'Rename a workspace (owners)',
    params: ZWorkspaceParams,
    body: ZUpdateWorkspaceRequest,
    responses: { 200: ZWorkspace, ...failures },
  }),
  listMembers: defineRoute({
    method: 'GET',
    path: '/api/workspaces/:id/members',
    summary: 'Members (and, for owners, pending invitations)',
    params: ZWorkspaceParams,
    responses: { 200: ZListMembersResponse, ...failures },
  }),
  addMember: defineRoute({
    method: 'POST',
    path: '/api/workspaces/:id/members',
    summary: 'Add a member by email: existing accounts directly, anyone else by invitation link',
    params: ZWorkspaceParams,
    body: ZAddMemberRequest,
    responses: { 201: ZAddMemberResponse, ...failures },
  }),
  changeMemberRole: defineRoute({
    method: 'PATCH',
    path: '/api/workspaces/:id/members/:userId',
    summary: "Change a member's role (owners; the last owner stays an owner)",
    params: ZMemberParams,
    body: ZUpdateMemberRequest,
    responses: { 200: ZMember, ...failures },
  }),
  removeMember: defineRoute({
    method: 'DELETE',
    path: '/api/workspaces/:id/members/:userId',
    summary: 'Remove a member, or leave (yourself); the last owner cannot leave',
    params: ZMemberParams,
    responses: { 204: z.null(), ...failures },
  }),
  acknowledgeAdded: defineRoute({
    method: 'POST',
    path: '/api/workspaces/:id/acknowledge',
    summary:
      'Note that you have seen who added you to this workspace: it stops saying so (`addedBy`)',
    params: ZWorkspaceParams,
    responses: { 204: z.null(), ...failures },
  }),
  revokeInvite: defineRoute({
    method: 'DELETE',
    path: '/api/invites/:id',
    summary: 'Withdraw a pending invitation (owners)',
    params: ZInviteParams,
    responses: { 204: z.null(), ...failures },
  }),
  renewInvite: defineRoute({
    method: 'POST',
    path: '/api/invites/:id/renew',
    summary:
      'A new link for a pending invitation (owners): the old link stops working, the 14 days start again',
    params: ZInviteParams,
    responses: { 200: ZInviteWithLink, ...failures },
  }),
  previewInvite: defineRoute({
    method: 'POST',
    path: '/api/invites/preview',
    summary:
      'The workspace and address an invitation link is for, before signing up (no account needed)',
    body: ZAcceptInviteRequest,
    public: true,
    responses: { 200: ZPreviewInviteResponse, ...failures, ...errors(429) },
  }),
  acceptInvite: defineRoute({
    method: 'POST',
    path: '/api/invites/accept',
    summary: 'Join a workspace through an invitation link (signed in)',
    body: ZAcceptInviteRequest,
    responses: { 200: ZWorkspace, ...failures },
  }),
};
