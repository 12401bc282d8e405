import {
  WORKSPACE_ROLE_LABELS,
  WORKSPACE_ROLES,
  isOnlyOwner,
  type TWorkspaceRole,
} from '@journeyboard/shared';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useAccount } from '../auth/me.ts';
import { useCan } from '../capabilities/capabilities.tsx';
import { WorkspaceCapabilities } from '../capabilities/workspace-capabilities.tsx';
import { AppHeader } from '../components/common/app-header.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';
import { useMemberActions, useMembers } from '../workspaces/workspace-queries.ts';
import { FormProblem } from '../components/common/form-problem.tsx';
import { InviteLink } from '../components/members/invite-link.tsx';
import { PendingInvites } from '../components/members/pending-invites.tsx';
import { PersonalWorkspaceNote } from '../components/members/personal-workspace-note.tsx';

/**
 * `/workspaces/:id/members`: who is in, with which role; owners add, change
 * and remove, invite and renew invitation links. A personal workspace says
 * it is yours alone and how to invite (a team workspace).
 */
export function MembersPage() {
  const { workspaceId = '' } = useParams();
  return (
    <WorkspaceCapabilities workspaceId={workspaceId}>
      <Members workspaceId={workspaceId} />
    </WorkspaceCapabilities>
  );
}

function Members({ workspaceId }: { workspaceId: string }) {
  useDocumentTitle('Members');
  const me = useAccount();
  const workspace = me?.workspaces.find((w) => w.id === workspaceId);
  const canManage = useCan('members.manage');
  const members = useMembers(workspaceId);
  const actions = useMemberActions(workspaceId);
  const data = members.data;
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? (members.error ? errorMessage(members.error) : null);
  /** The link just made (inviting or "New link"): shown this once. */
  const [shownLink, setShownLink] = useState<{ email: string; url: string } | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TWorkspaceRole>('editor');

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      const added = await actions.add({ email, role });
      setShownLink(added.kind === 'invite' ? added.invite : null);
      setEmail('');
    });
  };

  return (
    <div className="page">
      <AppHeader />
      <main className="page__main">
        <h1 className="page-intro__title">Members of {workspace?.name ?? 'this workspace'}</h1>
        <FormProblem>{error}</FormProblem>
        <table className="members-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {data?.members.map((member) => (
              <tr key={member.userId}>
                <td>{member.name}</td>
                <td>{member.email}</td>
                <td>
                  {isOnlyOwner(data.members, member.userId) ? (
                    // Nothing to choose: the server would refuse (LAST_OWNER).
                    <span title="A workspace needs an owner: make someone else one first">
                      {WORKSPACE_ROLE_LABELS[member.role]} (the only one)
                    </span>
                  ) : canManage ? (
                    <select
                      className="input"
                      aria-label={`Role of ${member.name}`}
                      value={member.role}
                      onChange={(event) =>
                        void run(() =>
                          actions.changeRole(member.userId, event.target.value as TWorkspaceRole),
                        )
                      }
                    >
                      {WORKSPACE_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {WORKSPACE_ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    WORKSPACE_ROLE_LABELS[member.role]
                  )}
                </td>
                <td>
                  {(canManage || member.userId === me?.user.id) &&
                  !isOnlyOwner(data.members, member.userId) ? (
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() => void run(() => actions.remove(member.userId))}
                    >
                      {member.userId === me?.user.id ? 'Leave' : `Remove ${member.name}`}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {workspace?.personal ? (
          <PersonalWorkspaceNote />
        ) : canManage ? (
          <>
            <form className="panel members-add" onSubmit={add}>
              <h2 className="panel__title">Add someone</h2>
              <p className="muted">
                Someone with an account joins at once; anyone else gets an invitation link to sign
                up with.
              </p>
              <label className="field__label" htmlFor="member-email">
                Email
              </label>
              <input
                id="member-email"
                className="input"
                type="email"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
              <label className="field__label" htmlFor="member-role">
                Role
              </label>
              <select
                id="member-role"
                className="input"
                value={role}
                onChange={(event) => setRole(event.target.value as TWorkspaceRole)}
              >
                {WORKSPACE_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {WORKSPACE_ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--primary members-add__submit">
                Add
              </button>
              {shownLink ? <InviteLink email={shownLink.email} url={shownLink.url} /> : null}
            </form>
            <PendingInvites
              invites={data?.invites ?? []}
              onRenew={(invite) =>
                void run(async () => setShownLink(await actions.renewInvite(invite.id)))
              }
              onWithdraw={(invite) =>
                void run(async () => {
                  await actions.revokeInvite(invite.id);
                  if (shownLink?.email === invite.email) setShownLink(null);
                })
              }
            />
          </>
        ) : null}
      </main>
    </div>
  );
}
