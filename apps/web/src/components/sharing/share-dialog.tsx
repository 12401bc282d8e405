import { useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useLinkActions, useShareLinks, useWorkshopLinks } from '../../sharing/sharing-queries.ts';
import { ShareLinkComments } from '../comments/share-link-comments.tsx';
import { ConfirmDialog } from '../common/confirm-dialog.tsx';
import { ModalDialog } from '../common/modal-dialog.tsx';
import { LinkList, linkName } from './link-list.tsx';
import { NewLink, type NewLinkShown } from './new-link.tsx';
import { InvitePeople } from './invite-people.tsx';
import { ShareLinkOpensOn } from './share-link-opens-on.tsx';
import { ShareLinkPassword } from './share-link-password.tsx';
import { useStructureLockOffer } from './structure-lock-offer.tsx';
import { FormProblem } from '../common/form-problem.tsx';

/** What each kind of link is called in the dialog ("Read-only link 2"). */
const SHARE_LINK = 'Read-only link';
const WORKSHOP_LINK = 'Workshop link';

/** Where a failed action's message shows: under the section's Create button, or at the foot. */
type ProblemPlace = 'share' | 'workshop' | 'dialog';

/** The links made since the dialog opened, by kind, oldest first. */
interface NewLinks {
  readonly share: readonly NewLinkShown[];
  readonly workshop: readonly NewLinkShown[];
}
const NO_NEW_LINKS: NewLinks = { share: [], workshop: [] };

const names = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** Optional expiry from a `<input type="datetime-local">` value. */
const toExpiry = (value: string) => (value ? new Date(value).toISOString() : undefined);

/**
 * Sharing a map: read-only links (owners) for leadership, and the workshop
 * join link (owners and editors) for facilitated sessions. New links are
 * shown once — the server keeps only their hash.
 */
export function ShareDialog({
  mapId,
  mapTitle,
  workspaceId,
  onClose,
}: {
  mapId: string;
  mapTitle: string;
  /** The map's workspace: the dialog says how to bring colleagues into it. */
  workspaceId: string | undefined;
  onClose: () => void;
}) {
  // Owners: read-only links too; editors only get the workshop link.
  const canShare = useCan('share.manage');
  const canRunWorkshops = useCan('workshop.manage');
  const shareQuery = useShareLinks(mapId, canShare);
  const workshopQuery = useWorkshopLinks(mapId, canRunWorkshops);
  const actions = useLinkActions(mapId);
  const structureLock = useStructureLockOffer();
  const shareLinks = shareQuery.data ?? [];
  const workshopLinks = workshopQuery.data ?? [];
  // The links made in this dialog, each kind in its own section until the dialog closes or the
  // link is revoked — every one of them: a second link used to replace the first one's only
  // showing before anyone had copied it.
  const [newLinks, setNewLinks] = useState<NewLinks>(NO_NEW_LINKS);
  // Focus starts on the first thing people come for, not the optional expiry above it.
  const firstCreate = useRef<HTMLButtonElement>(null);
  const [expiry, setExpiry] = useState('');
  // Asked for by whoever opens the next read-only link; cleared once it is made.
  const [newPassword, setNewPassword] = useState('');
  // A failed action's message goes where it was tried: under the Create button pressed (an
  // expiry in the past, say, which a laptop's screen would hide at the dialog's foot).
  const [actionError, setError] = useState<{ message: string; where: ProblemPlace } | null>(null);
  const problemAt = (where: ProblemPlace) =>
    actionError?.where === where ? actionError.message : null;
  const loadError = shareQuery.error ?? workshopQuery.error;
  const error = problemAt('dialog') ?? (loadError ? errorMessage(loadError) : null);
  const expiryId = useId();
  const passwordId = useId();
  const titleId = useId();

  const run = async (action: () => Promise<unknown>, where: ProblemPlace = 'dialog') => {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError({ message: errorMessage(caught), where });
    }
  };
  const expiresAt = toExpiry(expiry);
  // The row's editor stays open when saving fails: the message shows at the dialog's foot.
  const changePassword = async (id: string, password: string | null) => {
    setError(null);
    try {
      await actions.updateShareLink(id, { password });
    } catch (caught) {
      setError({ message: errorMessage(caught), where: 'dialog' });
      throw caught;
    }
  };
  const revoke = (kind: keyof typeof newLinks, id: string, revokeLink: () => Promise<unknown>) =>
    run(async () => {
      await revokeLink();
      // A revoked link's one showing goes too: nobody should copy a dead link.
      setNewLinks((shown) => ({ ...shown, [kind]: shown[kind].filter((link) => link.id !== id) }));
    });

  const markCopied = (kind: keyof NewLinks, id: string) => () =>
    setNewLinks((shown) => ({
      ...shown,
      [kind]: shown[kind].map((link) => (link.id === id ? { ...link, copied: true } : link)),
    }));
  const showNew = (kind: keyof NewLinks, link: NewLinkShown) =>
    setNewLinks((shown) => ({ ...shown, [kind]: [...shown[kind], link] }));
  // A new link nobody copied yet can't be shown again: closing asks first.
  const uncopied = [...newLinks.share, ...newLinks.workshop].filter((link) => !link.copied);
  const [askingToClose, setAskingToClose] = useState(false);
  const close = () => (uncopied.length > 0 ? setAskingToClose(true) : onClose());

  return (
    <ModalDialog
      className="dialog share-dialog"
      labelledBy={titleId}
      onClose={close}
      // A new link is shown once (the server keeps only its hash): a stray click beside the dialog mustn't lose it.
      closeOnBackdrop={false}
      initialFocus={firstCreate}
    >
      <h2 id={titleId} className="dialog__title">
        Share this map
      </h2>
      <div className="dialog__body">
        {workspaceId ? (
          <InvitePeople workspaceId={workspaceId} map={{ id: mapId, title: mapTitle }} />
        ) : null}
        {/* Its own section: under "People" it read as something about inviting colleagues. */}
        <section>
          <h3 className="section-title">Links</h3>
          <p className="muted">
            Read-only and workshop links, made below, work until they are revoked — or until:
          </p>
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
        </section>
        {canShare ? (
          <section>
            <h3 className="section-title">Read-only links</h3>
            <p className="muted">Anyone with the link sees the live map and can change nothing.</p>
            <label className="field__label" htmlFor={passwordId}>
              Password for the new link (optional)
            </label>
            <input
              id={passwordId}
              className="input"
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(event) => setNewPassword(event.target.value)}
            />
            <p className="muted">
              Whoever opens it types this first. Send it apart from the link: a link forwarded by
              mistake then shows nothing.
            </p>
            <button
              ref={firstCreate}
              type="button"
              className="button button--primary"
              onClick={() =>
                void run(async () => {
                  const link = await actions.createShareLink({
                    ...(expiresAt ? { expiresAt } : {}),
                    ...(newPassword ? { password: newPassword } : {}),
                  });
                  setNewPassword('');
                  showNew('share', {
                    id: link.id,
                    url: link.url,
                    name: linkName(SHARE_LINK, link.number),
                  });
                }, 'share')
              }
            >
              Create read-only link
            </button>
            <FormProblem>{problemAt('share')}</FormProblem>
            {newLinks.share.map((shown) => (
              <NewLink key={shown.id} shown={shown} onCopied={markCopied('share', shown.id)} />
            ))}
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
                  <ShareLinkPassword link={link} name={name} onChange={changePassword} />
                </>
              )}
            />
          </section>
        ) : null}
        {canRunWorkshops ? (
          <section>
            <h3 className="section-title">Workshop link</h3>
            <p className="muted">Participants join with just a name and can edit this map.</p>
            {structureLock.option}
            <button
              ref={canShare ? undefined : firstCreate}
              type="button"
              className="button"
              onClick={() =>
                void run(async () => {
                  const link = await actions.createWorkshopLink({
                    ...(expiresAt ? { expiresAt } : {}),
                    lockStructure: structureLock.lockStructure,
                  });
                  showNew('workshop', {
                    id: link.id,
                    url: link.url,
                    name: linkName(WORKSHOP_LINK, link.number),
                  });
                }, 'workshop')
              }
            >
              Create workshop link
            </button>
            <FormProblem>{problemAt('workshop')}</FormProblem>
            {newLinks.workshop.map((shown) => (
              <NewLink key={shown.id} shown={shown} onCopied={markCopied('workshop', shown.id)} />
            ))}
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
        <button type="button" className="button" onClick={close}>
          Done
        </button>
      </div>
      {askingToClose ? (
        <ConfirmDialog
          title={`Close without copying ${names.format(uncopied.map((link) => link.name))}?`}
          confirmLabel="Close anyway"
          onConfirm={onClose}
          onCancel={() => setAskingToClose(false)}
        >
          A new link is shown only once: after closing, nobody can copy it again. To share it later,
          create another: this one keeps working for anyone who already has it (revoke it only if
          nobody should).
        </ConfirmDialog>
      ) : null}
    </ModalDialog>
  );
}
