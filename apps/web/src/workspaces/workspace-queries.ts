import { routes, type TAddMemberRequest, type TWorkspaceRole } from '@journeyboard/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { refreshMe, signedInMe } from '../auth/me.ts';
import { useWorkspaceStore } from '../auth/workspace-store.ts';
import { refetchChanged } from '../api/query-client.ts';

/** A workspace's members (and, for those who manage members, pending invitations). */
export function useMembers(workspaceId: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.workspaces.members(workspaceId ?? ''),
    queryFn: ({ signal }) =>
      call(routes.workspaces.listMembers, { params: { id: workspaceId ?? '' }, signal }),
    enabled: Boolean(workspaceId) && options.enabled !== false,
  });
}

/**
 * Changes to the member list (by those who manage members, or leaving); each
 * refreshes it, and a change to your own membership (leaving, your role)
 * refreshes your workspaces and what you may do in them (part of /api/me).
 */
export function useMemberActions(workspaceId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () =>
    refetchChanged(queryClient, { queryKey: queryKeys.workspaces.members(workspaceId) });
  const onMemberChanged = async (userId: string) => {
    const me = signedInMe(queryClient);
    if (me?.kind === 'user' && me.user.id === userId) {
      await refreshMe(queryClient);
    }
    await onSuccess();
  };
  const params = { id: workspaceId };
  const add = useMutation({
    mutationFn: (input: TAddMemberRequest) =>
      call(routes.workspaces.addMember, { params, body: input }),
    onSuccess,
  });
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: TWorkspaceRole }) =>
      call(routes.workspaces.changeMemberRole, { params: { ...params, userId }, body: { role } }),
    onSuccess: (_member, { userId }) => onMemberChanged(userId),
  });
  const remove = useMutation({
    mutationFn: (userId: string) =>
      call(routes.workspaces.removeMember, { params: { ...params, userId } }),
    onSuccess: (_nothing, userId) => onMemberChanged(userId),
  });
  // The new link replaces the one shown when inviting (only its hash is kept).
  const renewInvite = useMutation({
    mutationFn: (inviteId: string) =>
      call(routes.workspaces.renewInvite, { params: { id: inviteId } }),
    onSuccess,
  });
  const revokeInvite = useMutation({
    mutationFn: (inviteId: string) =>
      call(routes.workspaces.revokeInvite, { params: { id: inviteId } }),
    onSuccess,
  });
  return {
    add: add.mutateAsync,
    changeRole: (userId: string, role: TWorkspaceRole) => changeRole.mutateAsync({ userId, role }),
    remove: remove.mutateAsync,
    renewInvite: renewInvite.mutateAsync,
    revokeInvite: revokeInvite.mutateAsync,
  };
}

/**
 * Creating or joining a workspace changes the account's workspace list
 * (part of /api/me): reload it, then switch to the workspace.
 */
export function useJoinWorkspace() {
  const queryClient = useQueryClient();
  const switchTo = async (id: string) => {
    await refreshMe(queryClient);
    useWorkspaceStore.getState().setWorkspace(id);
  };
  const create = useMutation({
    mutationFn: (name: string) => call(routes.workspaces.create, { body: { name } }),
    onSuccess: (workspace) => switchTo(workspace.id),
  });
  const accept = useMutation({
    mutationFn: (token: string) => call(routes.workspaces.acceptInvite, { body: { token } }),
    onSuccess: (workspace) => switchTo(workspace.id),
  });
  return { create: create.mutateAsync, acceptInvite: accept.mutateAsync };
}

/**
 * "I have seen that I was added": the workspace list (part of /api/me) stops
 * naming who added this account (`addedBy`).
 */
export function useAcknowledgeAdded() {
  const queryClient = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: (workspaceId: string) =>
      call(routes.workspaces.acknowledgeAdded, { params: { id: workspaceId } }),
    onSuccess: () => refreshMe(queryClient),
  });
  return acknowledge.mutateAsync;
}

/** The workspace and address an invitation link is for; a bad or expired link is an error. */
export function useInvitePreview(token: string | null) {
  return useQuery({
    queryKey: queryKeys.workspaces.invitePreview(token ?? ''),
    queryFn: ({ signal }) =>
      call(routes.workspaces.previewInvite, { body: { token: token ?? '' }, signal }),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });
}
