/**
 * Avatars of everyone on the map, one per person (however many tabs they have
 * it open in; people.ts); click one to follow their view (click again to stop).
 * Beyond the first few, "+N" lists everyone by name (EveryoneMenu; a chevron when all fit).
 */
import { useReducer, useSyncExternalStore } from 'react';
import { ValueStore } from '../../board/value-store.ts';
import type { PresenceReaction } from '@journeyboard/shared';
import { useFollowing, usePeople, usePresenceStore } from '../../presence/use-presence.ts';
import { useMediaQuery } from '../common/use-media-query.ts';
import { ReactionBubble } from '../workshop/reactions.tsx';
import { EveryoneMenu } from './everyone-menu.tsx';
import { initials } from './initials.ts';
import './presence.css';

/**
 * Avatars beside "+N": few, so that a room of people leaves the map's title readable
 * beside a facilitator's running timer (with eight, "Onboarding workshop" was "O…" at
 * 1280 px and "Trial to…" at 1920). Fewer still at laptop widths (board-header.css's,
 * where the avatars overlap). Everyone is in "+N", by name.
 */
const SHOWN = 4;
const SHOWN_ON_A_LAPTOP = 3;
const LAPTOP = '(max-width: 1535px)';
const NO_REACTION = new ValueStore<PresenceReaction | null>(null);

export function PresenceAvatars() {
  const presence = usePresenceStore();
  // Not every peer update: a cursor moving changes nothing here (usePeople).
  const people = usePeople();
  const fits = useMediaQuery(LAPTOP) ? SHOWN_ON_A_LAPTOP : SHOWN;
  // "+1" takes an avatar's room: the one person it would stand for is shown instead.
  const avatarCount = people.length === fits + 1 ? people.length : fits;
  const following = useFollowing();
  const ownStore = presence?.ownReaction ?? NO_REACTION;
  const own = useSyncExternalStore(ownStore.subscribe, ownStore.getSnapshot);
  // One's own new name is no peer update: drawn at once, not with someone else's next move.
  const [, renamed] = useReducer((count: number) => count + 1, 0);
  if (!presence) return null;
  const self = presence.self;
  const shown = people.slice(0, avatarCount);
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
          {own ? <AvatarReaction reaction={own} /> : null}
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
            if (!name) return;
            presence.rename(name);
            renamed();
          }}
        >
          {initials(self.name)}
          {own ? <AvatarReaction reaction={own} /> : null}
        </button>
      )}
      {shown.map((person) => {
        const active = following !== null && person.clientIds.includes(following);
        return (
          <button
            key={person.userId}
            type="button"
            className="presence-avatar"
            style={{ background: person.color }}
            title={active ? `Following ${person.name} — click to stop` : `Follow ${person.name}`}
            aria-label={`Follow ${person.name}`}
            aria-pressed={active}
            data-testid="presence-avatar"
            onClick={() => presence.follow(active ? null : person.followClientId)}
          >
            {initials(person.name)}
            {person.reaction ? <AvatarReaction reaction={person.reaction} /> : null}
          </button>
        );
      })}
      {people.length > 0 ? (
        <EveryoneMenu
          people={people}
          hidden={Math.max(0, people.length - avatarCount)}
          following={following}
          onFollow={(clientId) => presence.follow(clientId)}
        />
      ) : null}
    </div>
  );
}

/** A reaction pinned to an avatar's corner while it shows (keyed, so a new one pops again). */
function AvatarReaction({ reaction }: { reaction: PresenceReaction }) {
  return (
    <span key={reaction.seq} className="presence-avatar__reaction">
      <ReactionBubble kind={reaction.kind} size={12} />
    </span>
  );
}
