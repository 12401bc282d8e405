import { ZJoinWorkshopRequest } from '@journeyboard/shared';
import { useNavigate, useParams } from 'react-router';
import { useAuthActions } from '../auth/auth-actions.ts';
import { AuthForm } from '../components/auth/auth-form.tsx';
import { AppHeader } from '../components/common/app-header.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';

/** `/join/<token>`: a workshop participant picks a display name and goes straight to the board. */
export function JoinPage() {
  useDocumentTitle('Join the workshop');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { joinWorkshop } = useAuthActions();
  return (
    <div className="page">
      <AppHeader />
      <main className="page__main auth-page">
        <AuthForm
          title="Join the workshop"
          submitLabel="Join"
          schema={ZJoinWorkshopRequest}
          extraValues={{ token }}
          fields={[
            {
              name: 'name',
              label: 'Your name',
              type: 'text',
              autoComplete: 'name',
              hint: 'Everyone on the map sees this name next to your cursor. No account needed.',
            },
          ]}
          onSubmit={async ({ name = '' }) => {
            const joined = await joinWorkshop({ token, name });
            void navigate(`/maps/${encodeURIComponent(joined.map.id)}`, { replace: true });
          }}
        />
      </main>
    </div>
  );
}
