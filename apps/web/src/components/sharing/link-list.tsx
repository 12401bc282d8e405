import type { TShareLink, TWorkshopLink } from '@journeyboard/shared';
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../common/confirm-dialog.tsx';

type Link = TShareLink | TWorkshopLink;

/**
 * The dialog's names for the links of one kind, oldest first: each by the
 * number the server gave it when it was made ("Read-only link 3"), which it
 * keeps whatever is revoked around it.
 */
function linkNames<L extends Link>(links: readonly L[], label: string) {
  const oldestFirst = [...links].sort((a, b) => a.number - b.number);
  return oldestFirst.map((link) => ({ link, name: linkName(label, link.number) }));
}

/** "Read-only link 3": what the dialog calls a link, by its number. */
export const linkName = (label: string, number: number) => `${label} ${number}`;

const when = (iso: string) => new Date(iso).toLocaleString();

/**
 * The active links of one kind, each with its settings under it and Revoke,
 * which asks first: revoking ends access for whoever holds the link, at once,
 * and can't be undone.
 */
export function LinkList<L extends Link>({
  links,
  label,
  whatRevokingDoes,
  onRevoke,
  settings,
}: {
  links: readonly L[];
  label: string;
  whatRevokingDoes: string;
  onRevoke: (id: string) => Promise<void>;
  /** A link's own settings, shown in its row. */
  settings?: (link: L, name: string) => ReactNode;
}) {
  const [confirming, setConfirming] = useState<{ link: L; name: string } | null>(null);
  const [revoking, setRevoking] = useState(false);
  if (links.length === 0) return <p className="muted">No active links.</p>;
  const revoke = async (id: string) => {
    setRevoking(true);
    await onRevoke(id);
    setRevoking(false);
    setConfirming(null);
  };
  return (
    <>
      <ul className="share-dialog__links" aria-label={`Active ${label.toLowerCase()}s`}>
        {linkNames(links, label).map(({ link, name }) => (
          <li key={link.id}>
            <div className="share-dialog__link">
              <span>
                {name}, created {when(link.createdAt)}
                {link.expiresAt ? `, expires ${when(link.expiresAt)}` : ', no expiry'}
              </span>
              <button
                type="button"
                className="button button--ghost"
                aria-label={`Revoke ${name.toLowerCase()}`}
                onClick={() => setConfirming({ link, name })}
              >
                Revoke
              </button>
            </div>
            {settings?.(link, name)}
          </li>
        ))}
      </ul>
      {confirming ? (
        <ConfirmDialog
          title={`Revoke ${confirming.name.toLowerCase()}?`}
          confirmLabel={revoking ? 'Revoking…' : 'Revoke link'}
          busy={revoking}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void revoke(confirming.link.id)}
        >
          <p>
            {confirming.name}, created {when(confirming.link.createdAt)}. {whatRevokingDoes} This
            cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
