import type { TShareLink, TWorkshopLink } from '@journeyboard/shared';
import { useState } from 'react';
import { ConfirmDialog } from '../common/confirm-dialog.tsx';

/**
 * The active links of one kind, each with Revoke, which asks first: revoking
 * ends access for whoever holds the link, at once, and can't be undone.
 */
export function LinkList({
  links,
  label,
  whatRevokingDoes,
  onRevoke,
}: {
  links: readonly (TShareLink | TWorkshopLink)[];
  label: string;
  whatRevokingDoes: string;
  onRevoke: (id: string) => Promise<void>;
}) {
  const [confirming, setConfirming] = useState<{ id: string; name: string } | null>(null);
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
        {links.map((link, index) => {
          const name = `${label} ${index + 1}`;
          return (
            <li key={link.id}>
              {name}, created {new Date(link.createdAt).toLocaleString()}
              {link.expiresAt
                ? `, expires ${new Date(link.expiresAt).toLocaleString()}`
                : ', no expiry'}{' '}
              <button
                type="button"
                className="button button--ghost"
                aria-label={`Revoke ${name.toLowerCase()}`}
                onClick={() => setConfirming({ id: link.id, name })}
              >
                Revoke
              </button>
            </li>
          );
        })}
      </ul>
      {confirming ? (
        <ConfirmDialog
          title={`Revoke ${confirming.name.toLowerCase()}?`}
          confirmLabel={revoking ? 'Revoking…' : 'Revoke link'}
          busy={revoking}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void revoke(confirming.id)}
        >
          <p>{whatRevokingDoes} This cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
