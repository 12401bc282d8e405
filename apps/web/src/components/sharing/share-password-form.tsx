import { ZUnlockShareLinkRequest } from '@journeyboard/shared';
import { useUnlockShareLink } from '../../sharing/sharing-queries.ts';
import { AuthForm } from '../auth/auth-form.tsx';

/**
 * A password-protected read-only link, before its password: nothing of the
 * map (the server sent nothing), one field. The right password opens the
 * map where this form was; a wrong one, or too many, is said under the
 * button in the server's words. This device then stays unlocked for a month
 * (an httpOnly cookie), so a reload opens the map straight away.
 */
export function SharePasswordForm({ token }: { token: string }) {
  const unlock = useUnlockShareLink(token);
  return (
    <div className="page">
      <main className="page__main auth-page">
        <AuthForm
          title="This map is protected by a password"
          intro={
            <p className="auth-form__intro">
              Enter the password that whoever shared this link gave you. This device remembers it
              for 30 days.
            </p>
          }
          submitLabel="Open the map"
          schema={ZUnlockShareLinkRequest}
          extraValues={{ token }}
          fields={[{ name: 'password', label: 'Password', type: 'password', autoComplete: 'off' }]}
          onSubmit={async ({ password = '' }) => {
            await unlock(password);
          }}
        />
      </main>
    </div>
  );
}
