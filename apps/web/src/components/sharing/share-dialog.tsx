import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useLinkActions, useShareLinks, useWorkshopLinks } from '../../sharing/sharing-queries.ts';
import { ShareLinkComments } from '../comments/share-link-comments.tsx';
import { ModalDialog } from '../common/modal-dialog.tsx';
import { LinkList, linkName } from './link-list.tsx';
import { ShareLinkOpensOn } from './share-link-opens-on.tsx';
import { FormProblem } from '../common/form-problem.tsx';

/** What each kind of link is called in the dialog ("Read-only link 2"). */
const SHARE_LINK = 'Read-only link';
const WORKSHOP_LINK = 'Workshop link';

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
  // Each kind's newest link, shown in its own section until the dialog closes or it is revoked.
  const [newLinks, setNewLinks] = useState<{ share?: NewLinkShown; workshop?: NewLinkShown }>({});
  // Focus starts on the first thing people come for, not the optional expiry above it.
  const firstCreate = useRef<HTMLButtonElement>(null);
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
  const revoke = (kind: keyof typeof newLinks, id: string, revokeLink: () => Promise<unknown>) =>
    run(async () => {
      await revokeLink();
      // A revoked link's one showing goes too: nobody should copy a dead link.
      setNewLinks((shown) => (shown[kind]?.id === id ? { ...shown, [kind]: undefined } : shown));
    });

  return (
    <ModalDialog
      className="dialog share-dialog"
      labelledBy={titleId}
      onClose={onClose}
      // A new link is shown once (the server keeps only its hash): a stray click beside the dialog mustn't lose it.
      closeOnBackdrop={false}
      initialFocus={firstCreate}
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
              ref={firstCreate}
              type="button"
              className="button button--primary"
              onClick={() =>
                void run(async () => {
                  const link = await actions.createShareLink(expiresAt ? { expiresAt } : {});
                  const name = linkName(SHARE_LINK, link.number);
                  setNewLinks((shown) => ({
                    ...shown,
                    share: { id: link.id, url: link.url, name },
                  }));
                })
              }
            >
              Create read-only link
            </button>
            {newLinks.share ? <NewLink shown={newLinks.share} label={SHARE_LINK} /> : null}
            <LinkList
              links={shareLinks}
              label={SHARE_LINK}
              whatRevokingDoes="Anyone viewing the map through it loses the view at once, and it will not open again."
              onRevoke={(id) => revoke('share', id, () => actions.revokeShareLink(id))}
              settings={(link, name) => (
                <>
                  <ShareLinkComments
                    link={link}
                    name={name}
                    onChange={(id, allowComments) =>
                      void run(() => actions.updateShareLink(id, { allowComments }))
                    }
                  />
                  <ShareLinkOpensOn
                    link={link}
                    name={name}
                    onChange={(id, opensOn) =>
                      void run(() => actions.updateShareLink(id, { opensOn }))
                    }
                  />
                </>
              )}
            />
          </section>
        ) : null}
        {canRunWorkshops ? (
          <section>
            <h3 className="section-title">Workshop link</h3>
            <p className="muted">Participants join with just a name and can edit this map.</p>
            <button
              ref={canShare ? undefined : firstCreate}
              type="button"
              className="button"
              onClick={() =>
                void run(async () => {
                  const link = await actions.createWorkshopLink(expiresAt ? { expiresAt } : {});
                  const name = linkName(WORKSHOP_LINK, link.number);
                  setNewLinks((shown) => ({
                    ...shown,
                    workshop: { id: link.id, url: link.url, name },
                  }));
                })
              }
            >
              Create workshop link
            </button>
            {newLinks.workshop ? <NewLink shown={newLinks.workshop} label={WORKSHOP_LINK} /> : null}
            <LinkList
              links={workshopLinks}
              label={WORKSHOP_LINK}
              whatRevokingDoes="Participants who joined with it can no longer edit the board, and nobody new can join with it."
              onRevoke={(id) => revoke('workshop', id, () => actions.revokeWorkshopLink(id))}
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

interface NewLinkShown {
  readonly id: string;
  readonly url: string;
  /** What the list below calls it ("Read-only link 3"). */
  readonly name: string;
}

/**
 * A link just created: its only showing (the server keeps its hash), with a
 * copy button and its name in the list below. It is scrolled into view in the
 * dialog (a laptop screen may have it below the fold), and only the dialog
 * scrolls.
 */
function NewLink({ shown, label }: { shown: NewLinkShown; label: string }) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (ref.current) scrollIntoDialogView(ref.current);
  }, [shown.url]);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2_000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <div ref={ref} className="share-dialog__new" role="status">
      <label className="field__label" htmlFor={id}>
        New {label.toLowerCase()}
      </label>
      <input id={id} className="input" readOnly value={shown.url} />
      <p className="muted">
        Copy it now: it is shown only once. It is “{shown.name}” in the list below.
      </p>
      <button
        type="button"
        className="button"
        onClick={() =>
          // Refused (no permission, an insecure page): the field above still holds the link to copy.
          void navigator.clipboard?.writeText(shown.url).then(
            () => setCopied(true),
            () => {},
          )
        }
      >
        {copied ? 'Copied' : 'Copy link'}
      </button>
    </div>
  );
}

/** Scrolls the dialog around `element` so all of it shows between the dialog's title and buttons. */
function scrollIntoDialogView(element: HTMLElement) {
  const dialog = element.closest<HTMLElement>('[role="dialog"]');
  if (!dialog) return;
  const box = element.getBoundingClientRect();
  const view = dialog.getBoundingClientRect();
  const below = box.bottom - (view.bottom - heightOf(dialog, '.dialog__actions'));
  const above = view.top + heightOf(dialog, '.dialog__title') - box.top;
  if (below > 0) dialog.scrollTop += Math.min(below, -above);
  else if (above > 0) dialog.scrollTop -= above;
}

const heightOf = (dialog: HTMLElement, selector: string) =>
  dialog.querySelector(selector)?.getBoundingClientRect().height ?? 0;
