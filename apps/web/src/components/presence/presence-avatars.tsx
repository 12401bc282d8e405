/** Avatars of everyone on the map; click one to follow their view (click again to stop). */
import { useFollowing, usePeers, usePresenceStore } from '../../presence/use-presence.ts';
import './presence.css';

const SHOWN = 8;

export function PresenceAvatars() {
  const presence = usePresenceStore();
  const peers = usePeers();
  const following = useFollowing();
  if (!presence) return null;
  const self = presence.self;
  const shown = peers.slice(0, SHOWN);
  return (
    <div className="presence-avatars" role="group" aria-label="People on this map">
      {presence.signedIn ? (
        // Signed in: the server shows your account name to others; nothing to rename here.
        <span
          role="img"
          className="presence-avatar presence-avatar--self"
          style={{ background: self.color }}
          title={`You (${self.name})`}
          aria-label={`You: ${self.name}`}
        >
          {initials(self.name)}
        </span>
      ) : (
        <button
          type="button"
          className="presence-avatar presence-avatar--self"
          style={{ background: self.color }}
          title={`You (${self.name}) — click to change your name`}
          aria-label={`You: ${self.name}`}
          onClick={() => {
            const name = window.prompt('Your name on this map', self.name);
            if (name) presence.rename(name);
          }}
        >
          {initials(self.name)}
        </button>
      )}
      {shown.map((peer) => {
        const active = following === peer.clientId;
        return (
          <button
            key={peer.clientId}
            type="button"
            className="presence-avatar"
            style={{ background: peer.color }}
            title={active ? `Following ${peer.name} — click to stop` : `Follow ${peer.name}`}
            aria-label={`Follow ${peer.name}`}
            aria-pressed={active}
            data-testid="presence-avatar"
            onClick={() => presence.follow(active ? null : peer.clientId)}
          >
            {initials(peer.name)}
          </button>
        );
      })}
      {peers.length > SHOWN ? (
        <span className="presence-avatars__more">+{peers.length - SHOWN}</span>
      ) : null}
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}
