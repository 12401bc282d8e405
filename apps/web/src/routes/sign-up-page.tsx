import { PASSWORD_MIN, WORKSPACE_ROLE_LABELS, ZSignupRequest } from '@journeyboard/shared';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useAuthActions } from '../auth/auth-actions.ts';
import { useAccount } from '../auth/me.ts';
import { useInvitePreview, useJoinWorkspace } from '../workspaces/workspace-queries.ts';
import { AuthForm } from '../components/auth/auth-form.tsx';
import { AppHeader } from '../components/common/app-header.tsx';
import { FormProblem } from '../components/common/form-problem.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';
import { safeNext } from './sign-in-page.tsx';

/**
 * `/signup` (with `?invite=<token>` from an invitation: names the workspace,
 * starts with the invited address, joins that workspace too and opens it).
 */
export function SignUpPage() {
  useDocumentTitle('Create an account');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signUp } = useAuthActions();
  const { acceptInvite } = useJoinWorkspace();
  const invite = params.get('invite');
  const next = safeNext(params.get('next'));
  const account = useAccount();
  const preview = useInvitePreview(invite);
  const invited = preview.data;
  if (invite && account) {
    // Already has an account: accept the invitation with it.
    return (
      <div className="page">
        <AppHeader />
        <main className="page__main auth-page">
          <AuthForm
            title={`Join ${invited?.workspaceName ?? 'the workspace'} as ${account.user.name}`}
            submitLabel="Join workspace"
            fields={[]}
            onSubmit={async () => {
              await acceptInvite(invite);
              void navigate('/', { replace: true });
            }}
          />
        </main>
      </div>
    );
  }
  return (
    <div className="page">
      <AppHeader />
      <main className="page__main auth-page">
        {invite && preview.isPending ? (
          <p role="status">Checking the invitation…</p>
        ) : (
          <AuthForm
            title={invited ? `Join ${invited.workspaceName} on Journeyboard` : 'Create an account'}
            intro={
              invite && preview.error ? (
                // Still a way in: an account of their own; the team can send a new link.
                <FormProblem>{errorMessage(preview.error)}</FormProblem>
              ) : invited ? (
                <p className="muted">
                  You were invited as {WORKSPACE_ROLE_LABELS[invited.role].toLowerCase()}. Create
                  your account to open the team’s maps.
                </p>
              ) : undefined
            }
            submitLabel="Create account"
            schema={ZSignupRequest}
            {...(invited && invite ? { extraValues: { inviteToken: invite } } : {})}
            initialValues={invited ? { email: invited.email } : {}}
            fields={[
              { name: 'name', label: 'Your name', type: 'text', autoComplete: 'name' },
              { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
              {
                name: 'password',
                label: 'Password',
                type: 'password',
                autoComplete: 'new-password',
                hint: `At least ${PASSWORD_MIN} characters.`,
              },
            ]}
            onSubmit={async ({ name = '', email = '', password = '' }) => {
              await signUp({
                name,
                email,
                password,
                ...(invited && invite ? { inviteToken: invite } : {}),
              });
              void navigate(next, { replace: true });
            }}
            footer={
              <p className="muted">
                Have an account?{' '}
                <Link
                  to={`/signin?next=${encodeURIComponent(invite ? invitationPath(invite) : next)}`}
                >
                  Sign in
                </Link>
              </p>
            }
          />
        )}
      </main>
    </div>
  );
}

/** Back to this invitation once signed in: it then offers to join with that account. */
const invitationPath = (invite: string) => `/signup?invite=${encodeURIComponent(invite)}`;
