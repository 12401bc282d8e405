import {
  ZAcceptInviteRequest,
  ZAddMemberRequest,
  ZAddMemberResponse,
  ZCreateWorkspaceRequest,
  ZErrorResponse,
  ZIdParams,
  ZListMembersResponse,
  ZListWorkspacesResponse,
  ZMember,
  ZMemberParams,
  ZUpdateMemberRequest,
  ZUpdateWorkspaceRequest,
  ZWorkspace,
  ZWorkspaceParams,
} from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicOrigin } from '../plugins/session-cookie.ts';
import { authorizeChild, authorizeWorkspace, requireUser } from '../policy/policy.ts';
import { grantKey } from '../sync/access.ts';
import { acceptInvite } from '../services/workspaces/accept-invite.ts';
import { addMember } from '../services/workspaces/add-member.ts';
import { changeMemberRole } from '../services/workspaces/change-member-role.ts';
import { createWorkspace } from '../services/workspaces/create-workspace.ts';
import { listMembers } from '../services/workspaces/list-members.ts';
import { listWorkspaces } from '../services/workspaces/list-workspaces.ts';
import { removeMember } from '../services/workspaces/remove-member.ts';
import { renameWorkspace } from '../services/workspaces/rename-workspace.ts';
import { revokeInvite } from '../services/workspaces/revoke-invite.ts';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  410: ZErrorResponse,
};

/** Workspaces and their members. Owners manage; every member can see who else is in. */
export const workspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/workspaces',
    {
      schema: { summary: 'Your workspaces', response: { 200: ZListWorkspacesResponse, ...errors } },
    },
    async (request) => {
      const user = requireUser(await request.getActor());
      return { workspaces: await listWorkspaces(app.prisma, user.id) };
    },
  );

  app.post(
    '/api/workspaces',
    {
      schema: {
        summary: 'Create a team workspace (you become its owner)',
        body: ZCreateWorkspaceRequest,
        response: { 201: ZWorkspace, ...errors },
      },
    },
    async (request, reply) => {
      const user = requireUser(await request.getActor());
      return reply.status(201).send(await createWorkspace(app.prisma, user.id, request.body));
    },
  );

  app.patch(
    '/api/workspaces/:id',
    {
      schema: {
        summary: 'Rename a workspace (owners)',
        params: ZWorkspaceParams,
        body: ZUpdateWorkspaceRequest,
        response: { 200: ZWorkspace, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { role } = await authorizeWorkspace(
        app.prisma,
        await request.getActor(),
        id,
        'workspace.manage',
      );
      return renameWorkspace(app.prisma, id.toLowerCase(), request.body, role);
    },
  );

  app.get(
    '/api/workspaces/:id/members',
    {
      schema: {
        summary: 'Members (and, for owners, pending invitations)',
        params: ZWorkspaceParams,
        response: { 200: ZListMembersResponse, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { capabilities } = await authorizeWorkspace(
        app.prisma,
        await request.getActor(),
        id,
        'workspace.read',
      );
      // Pending invitations only for those who manage members.
      return listMembers(app.prisma, id.toLowerCase(), capabilities.includes('members.manage'));
    },
  );

  app.post(
    '/api/workspaces/:id/members',
    {
      schema: {
        summary:
          'Add a member by email: existing accounts directly, anyone else by invitation link',
        params: ZWorkspaceParams,
        body: ZAddMemberRequest,
        response: { 201: ZAddMemberResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await authorizeWorkspace(app.prisma, await request.getActor(), id, 'members.manage');
      const origin = publicOrigin(request, app.config.auth);
      return reply
        .status(201)
        .send(await addMember(app.prisma, id.toLowerCase(), request.body, origin));
    },
  );

  app.patch(
    '/api/workspaces/:id/members/:userId',
    {
      schema: {
        summary: "Change a member's role (owners; the last owner stays an owner)",
        params: ZMemberParams,
        body: ZUpdateMemberRequest,
        response: { 200: ZMember, ...errors },
      },
    },
    async (request) => {
      const { id, userId } = request.params;
      await authorizeWorkspace(app.prisma, await request.getActor(), id, 'members.manage');
      const member = await changeMemberRole(
        app.prisma,
        id.toLowerCase(),
        userId.toLowerCase(),
        request.body,
      );
      // Their open boards reconnect, are authorised afresh and hear their new capabilities.
      app.sync.revoke(grantKey.member(id.toLowerCase(), member.userId), { reconnect: true });
      return member;
    },
  );

  app.delete(
    '/api/workspaces/:id/members/:userId',
    {
      schema: {
        summary: 'Remove a member, or leave (yourself); the last owner cannot leave',
        params: ZMemberParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { id, userId } = request.params;
      const actor = await request.getActor();
      const self = actor.user?.user.id === userId.toLowerCase();
      await authorizeWorkspace(app.prisma, actor, id, self ? 'workspace.read' : 'members.manage');
      await removeMember(app.prisma, id.toLowerCase(), userId.toLowerCase());
      app.sync.revoke(grantKey.member(id.toLowerCase(), userId.toLowerCase()));
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/invites/:id',
    {
      schema: {
        summary: 'Withdraw a pending invitation (owners)',
        params: ZIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { child } = await authorizeChild(
        app.prisma,
        await request.getActor(),
        'invite',
        request.params.id,
        'members.manage',
      );
      await revokeInvite(app.prisma, child.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/invites/accept',
    {
      schema: {
        summary: 'Join a workspace through an invitation link (signed in)',
        body: ZAcceptInviteRequest,
        response: { 200: ZWorkspace, ...errors },
      },
    },
    async (request) => {
      const user = requireUser(await request.getActor());
      return acceptInvite(app.prisma, user.id, request.body.token);
    },
  );
};
