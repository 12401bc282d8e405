import { ZJoinWorkshopRequest } from '@journeyboard/shared';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client.ts';
import { useAuthActions } from '../auth/auth-actions.ts';
import { AuthForm } from '../components/auth/auth-form.tsx';
import { AppHeader } from '../components/common/app-header.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';
import { ReturningGuest } from '../components/sharing/returning-guest.tsx';
import { useWorkshopLinkPreview } from '../sharing/sharing-queries.ts';
import { NotFoundPage } from './not-found-page.tsx';

/**
 * `/join/<token>`: a workshop participant sees which map they are joining,
 * picks a display name and goes straight to the board. A link that has ended
 * or was revoked says so before anyone types a name. A device already in
 * the workshop goes back in as before, or joins under another name (which
 * replaces its earlier one: the server ends that guest session).
 */
export function JoinPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { joinWorkshop } = useAuthActions();
  const { data: link, error } = useWorkshopLinkPreview(token);
  const [anotherName, setAnotherName] = useState(false);
  useDocumentTitle(link ? `Join the workshop on ${link.mapTitle}` : 'Join the workshop');

  const code = error instanceof ApiError ? error.code : null;
  if (code === 'LINK_EXPIRED' || code === 'LINK_NOT_FOUND') {
    return (
      <NotFoundPage
        title={
          code === 'LINK_EXPIRED'
            ? 'This workshop link has ended'
            : 'This workshop link does not work'
        }
        message={
          code === 'LINK_EXPIRED'
            ? errorMessage(error)
            : `${errorMessage(error)} Ask the facilitator for a new one.`
        }
        forLink
      />
    );
  }
  const joinedAs = link?.joinedAs ?? null;
  const openMap = (mapId: string) =>
    void navigate(`/maps/${encodeURIComponent(mapId)}`, { replace: true });
  return (
    <div className="page">
      <AppHeader />
      <main className="page__main auth-page">
        {link && joinedAs && !anotherName ? (
          <ReturningGuest
            mapTitle={link.mapTitle}
            name={joinedAs.name}
            onContinue={() => openMap(joinedAs.mapId)}
            onJoinAsSomeoneElse={() => setAnotherName(true)}
          />
        ) : (
          <AuthForm
            title="Join the workshop"
            intro={
              <p className="auth-form__intro" role="status">
                {link ? (
                  <>
                    You are joining <strong>{link.mapTitle}</strong>.
                  </>
                ) : error ? (
                  // Offline, or too many tries: joining may still work, and says why if not.
                  `Could not check the link: ${errorMessage(error)}`
                ) : (
                  'Checking the link…'
                )}
              </p>
            }
            submitLabel="Join"
            schema={ZJoinWorkshopRequest}
            extraValues={{ token }}
            fields={[
              {
                name: 'name',
                label: 'Your name',
                type: 'text',
                autoComplete: 'name',
                hint: joinedAs
                  ? `Everyone on the map sees this name. It replaces “${joinedAs.name}” on this device; what ${joinedAs.name} wrote stays.`
                  : 'Everyone on the map sees this name next to your cursor. No account needed.',
              },
            ]}
            onSubmit={async ({ name = '' }) => {
              const joined = await joinWorkshop({ token, name });
              openMap(joined.map.id);
            }}
            footer={
              joinedAs ? (
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => setAnotherName(false)}
                >
                  Keep “{joinedAs.name}”
                </button>
              ) : undefined
            }
          />
        )}
      </main>
    </div>
  );
}
