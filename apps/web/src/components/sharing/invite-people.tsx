import { Link } from 'react-router';
import { useAccount } from '../../auth/me.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { WorkspaceCapabilities } from '../../capabilities/workspace-capabilities.tsx';
import { PersonalWorkspaceNote } from '../members/personal-workspace-note.tsx';

/**
 * The Share dialog's "People" part: links let people look, but colleagues
 * who edit and comment under their own name are workspace members. A
 * personal workspace has none (it says how: a team workspace); in a team
 * one, those who manage members go straight to inviting.
 */
export function InvitePeople({
  workspaceId,
  map,
}: {
  workspaceId: string;
  /** The map being shared: from a personal workspace, it moves into the team made for it. */
  map: { id: string; title: string };
}) {
  const workspace = useAccount()?.workspaces.find((w) => w.id === workspaceId);
  if (!workspace) return null;
  return (
    <section aria-labelledby="invite-people-title">
      <h3 className="section-title" id="invite-people-title">
        People
      </h3>
      {workspace.personal ? (
        <PersonalWorkspaceNote map={map} />
      ) : (
        <WorkspaceCapabilities workspaceId={workspaceId}>
          <TeamInvite workspaceId={workspaceId} name={workspace.name} />
        </WorkspaceCapabilities>
      )}
    </section>
  );
}

function TeamInvite({ workspaceId, name }: { workspaceId: string; name: string }) {
  const canInvite = useCan('members.manage');
  return (
    <p className="muted">
      Everyone in {name} can open this map with their own account.{' '}
      {canInvite ? (
        <Link to={`/workspaces/${encodeURIComponent(workspaceId)}/members`}>
          Invite people to {name}
        </Link>
      ) : (
        'Its owners can invite more people.'
      )}
    </p>
  );
}
