import { kindMay, routes } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRateLimit } from '../plugins/auth.ts';
import { publicOrigin } from '../plugins/session-cookie.ts';
import { authorizeChild, authorizeWorkspace, requireUser } from '../policy/policy.ts';
import { grantKey } from '../sync/access.ts';
import { acceptInvite } from '../services/workspaces/accept-invite.ts';
import { acknowledgeAdded } from '../services/workspaces/acknowledge-added.ts';
import { addMember } from '../services/workspaces/add-member.ts';
import { changeMemberRole } from '../services/workspaces/change-member-role.ts';
import { createWorkspace } from '../services/workspaces/create-workspace.ts';
import { listMembers } from '../services/workspaces/list-members.ts';
import { listWorkspaces } from '../services/workspaces/list-workspaces.ts';
import { removeMember } from '../services/workspaces/remove-member.ts';
import { renameWorkspace } from '../services/workspaces/rename-workspace.ts';
import { previewInvite } from '../services/workspaces/preview-invite.ts';
import { renewInvite } from '../services/workspaces/renew-invite.ts';
import { revokeInvite } from '../services/workspaces/revoke-invite.ts';
import { lifecycleEvent } from '../services/lifecycle/lifecycle-event.ts';
import { EVERYONE_ON_THE_MAP } from '../services/map-events/map-event-bus.ts';
import { registerRoute } from './register-route.ts';

/** Workspaces and their members. Owners manage; every member can see who else is in. */
export const workspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.workspaces.list, async (request) => {
    const user = requireUser(await request.getActor());
    return { workspaces: await listWorkspaces(app.prisma, user.id) };
  });

  registerRoute(app, routes.workspaces.create, async (request, reply) => {
    const user = requireUser(await request.getActor());
    return reply.status(201).send(await createWorkspace(app.prisma, user.id, request.body));
  });

  registerRoute(app, routes.workspaces.rename, async (request) => {
    const { id } = request.params;
    const { role } = await authorizeWorkspace(
      app.prisma,
      await request.getActor(),
      id,
      'workspace.manage',
    );
    return renameWorkspace(app.prisma, id, request.body, role);
  });

  registerRoute(app, routes.workspaces.listMembers, async (request) => {
    const { id } = request.params;
    const { capabilities } = await authorizeWorkspace(
      app.prisma,
      await request.getActor(),
      id,
      'workspace.read',
    );
    // Pending invitations only for those who manage members.
    return listMembers(app.prisma, id, capabilities.includes('members.manage'));
  });

  registerRoute(app, routes.workspaces.addMember, async (request, reply) => {
    const { id } = request.params;
    const actor = await request.getActor();
    await authorizeWorkspace(app.prisma, actor, id, 'members.manage');
    const origin = publicOrigin(request, app.config.auth);
    const addedById = requireUser(actor).id;
    const added = await addMember(app.prisma, id, request.body, { origin, addedById });
    return reply.status(201).send(added);
  });

  registerRoute(app, routes.workspaces.acknowledgeAdded, async (request, reply) => {
    const { id } = request.params;
    const actor = await request.getActor();
    await authorizeWorkspace(app.prisma, actor, id, 'workspace.read');
    await acknowledgeAdded(app.prisma, id, requireUser(actor).id);
    return reply.status(204).send(null);
  });

  registerRoute(app, routes.workspaces.changeMemberRole, async (request) => {
    const { id, userId } = request.params;
    await authorizeWorkspace(app.prisma, await request.getActor(), id, 'members.manage');
    const member = await changeMemberRole(app.prisma, id, userId, request.body);
    // Their open boards reconnect, are authorised afresh and hear their new capabilities;
    // a card they were still writing can no longer be finished once the role cannot edit.
    app.sync.revoke(grantKey.member(id, member.userId), {
      reconnect: true,
      writingEnds: !kindMay(member.role, 'board.edit'),
    });
    return member;
  });

  registerRoute(app, routes.workspaces.removeMember, async (request, reply) => {
    const { id, userId } = request.params;
    const actor = await request.getActor();
    const self = actor.user?.user.id === userId;
    await authorizeWorkspace(app.prisma, actor, id, self ? 'workspace.read' : 'members.manage');
    const orphaned = await removeMember(app.prisma, id, userId);
    app.sync.revoke(grantKey.member(id, userId));
    // The maps they owned now have no owner: their open boards show it at once.
    for (const map of orphaned) {
      app.mapEvents.publish(map.id, lifecycleEvent(map), EVERYONE_ON_THE_MAP);
    }
    return reply.status(204).send(null);
  });

  registerRoute(app, routes.workspaces.revokeInvite, async (request, reply) => {
    const { child } = await authorizeChild(
      app.prisma,
      await request.getActor(),
      'invite',
      request.params.id,
      'members.manage',
    );
    await revokeInvite(app.prisma, child.id);
    return reply.status(204).send(null);
  });

  registerRoute(app, routes.workspaces.renewInvite, async (request) => {
    const { child } = await authorizeChild(
      app.prisma,
      await request.getActor(),
      'invite',
      request.params.id,
      'members.manage',
    );
    return renewInvite(app.prisma, child.id, publicOrigin(request, app.config.auth));
  });

  // It answers whether a token is good, so it is limited like signing up.
  registerRoute(
    app,
    routes.workspaces.previewInvite,
    async (request) => previewInvite(app.prisma, request.body.token),
    { config: authRateLimit(app.config.auth) },
  );

  registerRoute(app, routes.workspaces.acceptInvite, async (request) => {
    const user = requireUser(await request.getActor());
    return acceptInvite(app.prisma, user.id, request.body.token);
  });
};
