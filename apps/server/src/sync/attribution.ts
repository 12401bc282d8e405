/**
 * Who made each stored change, decided by the server.
 *
 * Every update the server stores carries an author and a time. The author
 * comes from the transaction's origin: a client's update is applied with its
 * `Connection` as origin, so the author is the identity the server
 * authenticated for that socket (access.ts) — nothing inside the Yjs update
 * (client ids, awareness `user`, field values) is ever trusted for it. A
 * change the server makes on someone's behalf (restoring a version) is
 * applied with an `AuthoredOrigin`; anything else (templates, resyncs) is
 * the system.
 */
import { SYSTEM_AUTHOR, type EditAuthor, type PresenceUser } from '@journeyboard/shared';
import { participantOf, type Actor, type Participant } from '../policy/actor.ts';
import { Connection } from './connection.ts';

/** An update as it is stored: the Yjs bytes, who made it and when the server received it. */
export interface StampedUpdate {
  readonly update: Uint8Array;
  readonly author: EditAuthor;
  readonly at: Date;
}

/** Transaction origin for changes the server makes for a person (e.g. a restore over REST). */
export class AuthoredOrigin {
  constructor(
    readonly author: EditAuthor,
    /**
     * One step of its own in the activity feed (a restore, an import): its
     * entries fold neither into the person's edits before it nor theirs after.
     * Folded, undoing a restore by restoring again read "made a change and
     * undid it".
     */
    readonly standalone = false,
  ) {}
}

export function authorFromIdentity(identity: PresenceUser | undefined): EditAuthor {
  if (identity?.kind === 'member') return { kind: 'member', id: identity.id, name: identity.name };
  if (identity?.kind === 'workshop') {
    return { kind: 'workshop', id: identity.id, name: identity.name };
  }
  // Share-link sockets are read-only; connections without an identity are test seams.
  return SYSTEM_AUTHOR;
}

export function authorOf(origin: unknown): EditAuthor {
  if (origin instanceof Connection) return authorFromIdentity(origin.access.identity);
  if (origin instanceof AuthoredOrigin) return origin.author;
  return SYSTEM_AUTHOR;
}

export function stamp(update: Uint8Array, author: EditAuthor, at = new Date()): StampedUpdate {
  return { update, author, at };
}

/**
 * The author of a REST caller's change on a map: the account, else the
 * workshop participant, as the policy let them in (actor.ts `participantOf`).
 * Share-link holders change nothing, so they never author a change.
 */
export function authorOfActor(actor: Actor, mapId: string): EditAuthor {
  const participant = participantOf(actor, mapId);
  return participant ? authorOfParticipant(participant) : SYSTEM_AUTHOR;
}

/** A participant (`participantOf`: key and name, as a private card keeps them) as an author. */
export function authorOfParticipant(participant: Participant): EditAuthor {
  const kind = participant.key.startsWith('guest:') ? 'workshop' : 'member';
  return { kind, id: participant.key, name: participant.name };
}
