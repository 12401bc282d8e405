import { ZLoginRequest } from '@journeyboard/shared';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuthActions } from '../auth/auth-actions.ts';
import { AuthForm } from '../components/auth/auth-form.tsx';
import { AppHeader } from '../components/common/app-header.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';

/** Only same-site paths: `next` comes from the URL and must not send people elsewhere. */
export function safeNext(next: string | null): string {
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
