import { WORKSPACE_ROLE_LABELS, type TInvite } from '@journeyboard/shared';
import { RelativeTime } from '../common/relative-time.tsx';

/**
 * Invitations not yet accepted. Their links were shown once, when made (the
 * server keeps only a hash), so "New link" makes another — the old one stops
 * working — rather than showing it again.
 */
export function PendingInvites({
  invites,
  onRenew,
  onWithdraw,
}: {
  invites: readonly TInvite[];
  onRenew: (invite: TInvite) => void;
  onWithdraw: (invite: TInvite) => void;
}) {
  if (invites.length === 0) return null;
  return (
    <section className="pending-invites" aria-labelledby="pending-invites-title">
      <h2 className="section-title" id="pending-invites-title">
        Pending invitations
      </h2>
      <p className="muted">
        An invitation’s link is shown only once, when you invite. Lost it? “New link” makes a fresh
        one to send (the old link stops working).
      </p>
      <ul className="pending-invites__list">
        {invites.map((invite) => (
          <li key={invite.id} className="pending-invites__item">
            <span>
              {invite.email} ({WORKSPACE_ROLE_LABELS[invite.role]}) · expires{' '}
              <RelativeTime iso={invite.expiresAt} />
            </span>
            <button type="button" className="button" onClick={() => onRenew(invite)}>
              New link<span className="visually-hidden">{` for ${invite.email}`}</span>
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => onWithdraw(invite)}
            >
              Withdraw
              <span className="visually-hidden">{` the invitation of ${invite.email}`}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
