import { useWorkshopGuest } from '../../auth/me.ts';

/**
 * Beside the map's title for a workshop participant: that they are a guest
 * here (a name, no account) — what they can do lasts as long as the link.
 */
export function GuestBadge() {
  const guest = useWorkshopGuest();
  if (!guest) return null;
  return (
    <span
      className="guest-badge"
      data-testid="guest-badge"
      title="You joined with the facilitator’s workshop link, without an account. You can work on this map while the link is open."
    >
      Guest: <span className="guest-badge__name">{guest.name}</span>
    </span>
  );
}
