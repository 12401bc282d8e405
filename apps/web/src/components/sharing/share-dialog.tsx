import type { TShareLink, TWorkshopLink } from '@journeyboard/shared';
import { useId, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useLinkActions, useShareLinks, useWorkshopLinks } from '../../sharing/sharing-queries.ts';
import { ShareLinkComments } from '../comments/share-link-comments.tsx';
import { ModalDialog } from '../common/modal-dialog.tsx';
import { ShareLinkOpensOn } from './share-link-opens-on.tsx';
import { FormProblem } from '../common/form-problem.tsx';

/** Optional expiry from a `<input type="datetime-local">` value. */
const toExpiry = (value: string) => (value ? new Date(value).toISOString() : undefined);

/**
 * Sharing a map: read-only links (owners) for leadership, and the workshop
 * join link (owners and editors) for facilitated sessions. New links are
 * shown once — the server keeps only their hash.
 */
export function ShareDialog({ mapId, onClose }: { mapId: string; onClose: () => void }) {
  // Owners: read-only links too; editors only get the workshop link.
  const canShare = useCan('share.manage');
  const canRunWorkshops = useCan('workshop.manage');
  const shareQuery = useShareLinks(mapId, canShare);
  const workshopQuery = useWorkshopLinks(mapId, canRunWorkshops);
  const actions = useLinkActions(mapId);
  const shareLinks = shareQuery.data ?? [];
  const workshopLinks = workshopQuery.data ?? [];
  // Each kind's newest link, shown in its own section until the dialog closes.
  const [newUrls, setNewUrls] = useState<{ share?: string; workshop?: string }>({});
  const [expiry, setExpiry] = useState('');
  const [actionError, setError] = useState<string | null>(null);
  const loadError = shareQuery.error ?? workshopQuery.error;
  const error = actionError ?? (loadError ? errorMessage(loadError) : null);
  const expiryId = useId();
  const titleId = useId();

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  const expiresAt = toExpiry(expiry);

  return (
    <ModalDialog
      className="dialog share-dialog"
      labelledBy={titleId}
      onClose={onClose}
      // A new link is shown once (the server keeps only its hash): a stray click beside the dialog mustn't lose it.
      closeOnBackdrop={false}
    >
      <h2 id={titleId} className="dialog__title">
        Share this map
      </h2>
      <div className="dialog__body">
        <label className="field__label" htmlFor={expiryId}>
          Links created now expire (optional)
        </label>
        <input
          id={expiryId}
          className="input"
          type="datetime-local"
          value={expiry}
          onChange={(event) => setExpiry(event.target.value)}
        />
        {canShare ? (
          <section>
            <h3 className="section-title">Read-only links</h3>
            <p className="muted">Anyone with the link sees the live map and can change nothing.</p>
            <button
              type="button"
              className="button button--primary"
              onClick={() =>
                void run(async () => {
                  const link = await actions.createShareLink(expiresAt ? { expiresAt } : {});
                  setNewUrls((urls) => ({ ...urls, share: link.url }));
                })
              }
            >
              Create read-only link
            </button>
            {newUrls.share ? <NewLink label="Read-only link" url={newUrls.share} /> : null}
            <LinkList
              links={shareLinks}
              label="Read-only link"
              onRevoke={(id) => void run(() => actions.revokeShareLink(id))}
            />
            <ShareLinkComments
              links={shareLinks}
              onChange={(id, allowComments) =>
                void run(() => actions.updateShareLink(id, { allowComments }))
              }
            />
            <ShareLinkOpensOn
              links={shareLinks}
              onChange={(id, opensOn) => void run(() => actions.updateShareLink(id, { opensOn }))}
            />
          </section>
        ) : null}
        {canRunWorkshops ? (
          <section>
            <h3 className="section-title">Workshop link</h3>
            <p className="muted">Participants join with just a name and can edit this map.</p>
            <button
              type="button"
              className="button"
              onClick={() =>
                void run(async () => {
                  const link = await actions.createWorkshopLink(expiresAt ? { expiresAt } : {});
                  setNewUrls((urls) => ({ ...urls, workshop: link.url }));
                })
              }
            >
              Create workshop link
            </button>
            {newUrls.workshop ? <NewLink label="Workshop link" url={newUrls.workshop} /> : null}
            <LinkList
              links={workshopLinks}
              label="Workshop link"
              onRevoke={(id) => void run(() => actions.revokeWorkshopLink(id))}
            />
          </section>
        ) : null}
        <FormProblem>{error}</FormProblem>
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </ModalDialog>
  );
}

/** A link just created: its only showing (the server keeps its hash), with a copy button. */
function NewLink({ label, url }: { label: string; url: string }) {
  const id = useId();
  return (
    <div className="share-dialog__new" role="status">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="input" readOnly value={url} />
      <p className="muted">Copy it now: it is shown only once.</p>
      <button
        type="button"
        className="button"
        onClick={() => void navigator.clipboard?.writeText(url)}
      >
        Copy link
      </button>
    </div>
  );
}

function LinkList({
  links,
  label,
  onRevoke,
}: {
  links: readonly (TShareLink | TWorkshopLink)[];
  label: string;
  onRevoke: (id: string) => void;
}) {
  if (links.length === 0) return <p className="muted">No active links.</p>;
  return (
    <ul className="share-dialog__links" aria-label={`Active ${label.toLowerCase()}s`}>
      {links.map((link, index) => (
        <li key={link.id}>
          {label} {index + 1}, created {new Date(link.createdAt).toLocaleString()}
          {link.expiresAt
            ? `, expires ${new Date(link.expiresAt).toLocaleString()}`
            : ', no expiry'}{' '}
          <button type="button" className="button button--ghost" onClick={() => onRevoke(link.id)}>
            Revoke
          </button>
        </li>
      ))}
    </ul>
  );
}
