import { PASSWORD_MIN, ZLoginRequest, ZSignupRequest } from '@journeyboard/shared';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuthActions } from '../auth/auth-actions.ts';
import { useAuth } from '../auth/me.ts';
import { useJoinWorkspace } from '../workspaces/workspace-queries.ts';
import { AuthForm } from '../components/auth/auth-form.tsx';
import { AppHeader } from '../components/common/app-header.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';

/** Only same-site paths: `next` comes from the URL and must not send people elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** `/signin` */
export function SignInPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { logIn } = useAuthActions();
  const next = safeNext(params.get('next'));
  return (
    <div className="page">
      <AppHeader />
      <main className="page__main auth-page">
        <AuthForm
          title="Sign in"
          submitLabel="Sign in"
          schema={ZLoginRequest}
          fields={[
            { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
            {
              name: 'password',
              label: 'Password',
              type: 'password',
              autoComplete: 'current-password',
            },
          ]}
          onSubmit={async ({ email = '', password = '' }) => {
            await logIn({ email, password });
            void navigate(next, { replace: true });
          }}
          footer={
            <p className="muted">
              New here?{' '}
              <Link to={`/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>
            </p>
          }
        />
      </main>
    </div>
  );
}

/** `/signup` (with `?invite=<token>` from an invitation: joins that workspace too). */
export function SignUpPage() {
  useDocumentTitle('Create an account');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signUp } = useAuthActions();
  const { acceptInvite } = useJoinWorkspace();
  const invite = params.get('invite');
  const next = safeNext(params.get('next'));
  const auth = useAuth();
  if (invite && auth.status === 'signed-in' && auth.me.kind === 'user') {
    // Already has an account: accept the invitation with it.
    return (
      <div className="page">
        <AppHeader />
        <main className="page__main auth-page">
          <AuthForm
            title={`Join the workspace as ${auth.me.user.name}`}
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
        <AuthForm
          title={invite ? 'Join your team on Journeyboard' : 'Create an account'}
          submitLabel="Create account"
          schema={ZSignupRequest}
          {...(invite ? { extraValues: { inviteToken: invite } } : {})}
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
            await signUp({ name, email, password, ...(invite ? { inviteToken: invite } : {}) });
            void navigate(next, { replace: true });
          }}
          footer={
            <p className="muted">
              Have an account? <Link to={`/signin?next=${encodeURIComponent(next)}`}>Sign in</Link>
            </p>
          }
        />
      </main>
    </div>
  );
}
