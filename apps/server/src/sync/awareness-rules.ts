/**
 * Awareness (presence) rules: what a connection may say about whom.
 *
 * `applyAwarenessUpdate` from y-protocols accepts any client id with any
 * state, so without rules any participant could move, rename or remove
 * someone else's cursor. Every inbound awareness update is split into its
 * entries, each entry runs through the rules in order, and only the surviving
 * (possibly rewritten) entries are applied and relayed.
 *
 * A rule returns the entry to keep — the same one, or a rewritten one — or
 * null to drop it. `stampIdentity` rewrites: the `user` field of every state
 * becomes the identity the server authenticated for the connection
 * (`PresenceUser` in packages/shared/src/presence.ts), so nobody can show up
 * under someone else's name or role.
 */
import { DISCREET_ACTIVITY, parseReaction, REACTION_MIN_INTERVAL_MS } from '@journeyboard/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { ConnectionAccess } from './access.ts';
import { SyncRefusal } from './presence-limits.ts';
import { ProtocolError } from './protocol.ts';

export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  /** The client's JSON state; null announces that the client left. */
  readonly state: unknown;
}

export interface AwarenessRuleContext {
  readonly access: ConnectionAccess;
  /** The awareness client id bound to this connection, null until it announced one. */
  readonly boundClientId: number | null;
  /** Binds `clientId` to this connection (its state is removed when the connection closes). */
  bind(clientId: number): void;
  /**
   * Who has spoken for `clientId` on this document — an open connection, one
   * that closed, or (scale-out) a connection on another instance — and
   * whether its connection here is still open; undefined if nobody ever has.
   */
  claimOf(clientId: number): AwarenessClaim | undefined;
  /** A vote or "Everyone rates" round runs on the map, its reveal still to come. */
  readonly secretRound: boolean;
}

export interface AwarenessClaim {
  /** `ownerKey` of whoever bound it; null for a connection without an identity. */
  readonly owner: string | null;
  /** Bound to a connection on this instance that is still open. */
  readonly open: boolean;
}

/**
 * Whose an awareness client id is: the authenticated identity's id (a user
 * id, `guest:<session>`), so the same person reconnecting gets their id back.
 * A share-link viewer's identity is new for every socket (access.ts), so
 * nobody, not even the same viewer, ever takes over a share link's old id.
 */
export function ownerKey(access: ConnectionAccess): string | null {
  return access.identity?.id ?? null;
}

/**
 * THE id-binding rule. An id nobody has used on this document is free. An
 * id that was used — by an open connection, one that closed (its removal was
 * broadcast a moment ago) or a connection on another instance — can only be
 * claimed again by the same identity. So a read-only viewer or another
 * person can never take over someone's presence, and the victim's own
 * client never receives a state for its id that it didn't publish (y-protocols
 * would adopt it as its local state, name and all).
 */
export function mayClaim(claim: AwarenessClaim | undefined, owner: string | null): boolean {
  if (!claim) return true;
  return owner !== null && claim.owner === owner;
}

export type AwarenessRule = (
  entry: AwarenessEntry,
  context: AwarenessRuleContext,
) => AwarenessEntry | null;

/**
 * The first client id a connection announces is bound to it, if `mayClaim`
 * allows; entries for any other id are dropped. (The stock client sends its
 * own state first, right after connecting. It also echoes every remote state
 * it receives back to the server; those echoes are dropped here, which is
 * harmless — the server already has them.)
 *
 * The same identity may take an id over from its own connection that is
 * still open (a reconnect while the server still holds the half-open old
 * socket); the old connection's close then leaves the state alone.
 */
export const bindFirstClientId: AwarenessRule = (entry, context) => {
  if (context.boundClientId === null) {
    // A removal can't be the announcement of a new presence.
    if (entry.state === null) return null;
    if (!mayClaim(context.claimOf(entry.clientId), ownerKey(context.access))) return null;
    context.bind(entry.clientId);
    return entry;
  }
  return entry.clientId === context.boundClientId ? entry : null;
};

/**
 * Overwrites `state.user` with the connection's authenticated identity; the
 * rest of the state (cursor, selection) is the client's. Runs after
 * `bindFirstClientId`, so it only ever rewrites the connection's own entry.
 * A connection without an identity (test seams) keeps its state as sent.
 */
export const stampIdentity: AwarenessRule = (entry, context) => {
  const identity = context.access.identity;
  if (entry.state === null || !identity) return entry;
  const state =
    typeof entry.state === 'object' && !Array.isArray(entry.state)
      ? (entry.state as Record<string, unknown>)
      : {};
  return { ...entry, state: { ...state, user: identity } };
};

/**
 * While a vote or an "Everyone rates" round runs, where someone's pointer
 * rests and which card they select would say how they vote or score: those
 * fields are written over with DISCREET_ACTIVITY, whatever the connection
 * sends, until the reveal. Current browsers already send exactly that
 * (PresenceStore.setDiscreet); this holds for an older tab or a hand-made
 * client too. Runs after `stampIdentity`, which makes every state an object.
 */
export const keepSecretRoundsSecret: AwarenessRule = (entry, context) => {
  if (!context.secretRound || entry.state === null || typeof entry.state !== 'object') return entry;
  return { ...entry, state: { ...entry.state, ...DISCREET_ACTIVITY } };
};

/** What `limitReactions` remembers of one connection's last new reaction. */
interface ReactionMemory {
  /** The last reaction `seq` judged, and whether it passed. */
  seq: number;
  passed: boolean;
  /** When the last one passed (ms). */
  passedAt: number;
}

/**
 * The `reaction` presence field (PresenceActivity in
 * packages/shared/src/presence.ts): only `{ kind, seq }` with one of the four
 * kinds passes (rebuilt, so nothing else rides along — no free text), only
 * from a connection that may take part (`workshop.participate`), and at most
 * one new reaction (a new `seq`) per `minIntervalMs`. A reaction that fails
 * becomes null; the rest of the state passes. Every later state carrying the
 * same `seq` (cursor moves while it shows) gets the same verdict, so a
 * refused reaction never slips through later.
 */
export function limitReactions(
  options: { now?: () => number; minIntervalMs?: number } = {},
): AwarenessRule {
  const now = options.now ?? Date.now;
  const minIntervalMs = options.minIntervalMs ?? REACTION_MIN_INTERVAL_MS;
  // Per connection (its access object lives as long as the connection).
  const memory = new WeakMap<object, ReactionMemory>();
  return (entry, context) => {
    if (entry.state === null || typeof entry.state !== 'object') return entry;
    const state = entry.state as Record<string, unknown>;
    if (!('reaction' in state) || state.reaction === null) return entry;
    const reaction = parseReaction(state.reaction);
    const keep = (value: unknown) => ({ ...entry, state: { ...state, reaction: value } });
    if (!reaction || !context.access.capabilities.includes('workshop.participate')) {
      return keep(null);
    }
    const last = memory.get(context.access);
    if (last && last.seq === reaction.seq) return keep(last.passed ? reaction : null);
    const at = now();
    const passed = !last || at - last.passedAt >= minIntervalMs;
    memory.set(context.access, {
      seq: reaction.seq,
      passed,
      passedAt: passed ? at : (last?.passedAt ?? -Infinity),
    });
    return keep(passed ? reaction : null);
  };
}

/**
 * The bookkeeping behind `mayClaim` for one document: which identity spoke
 * for each awareness client id, and which connection holds it now. Claims
 * outlive their connection — that is the point — for as long as the document
 * is loaded; past `maxReleased` released claims the oldest are forgotten
 * (an id of someone gone that long is no one's presence any more).
 */
export class AwarenessBindings<C> {
  /** Ids held by an open connection here; its owner is read off the holder (no object per socket). */
  private readonly held = new Map<number, C>();
  /** Owners of ids whose connection closed or lives on another instance, oldest first. */
  private readonly released = new Map<number, string | null>();

  constructor(
    private readonly ownerOf: (holder: C) => string | null,
    private readonly maxReleased = 10_000,
  ) {}

  claimOf(clientId: number): AwarenessClaim | undefined {
    const holder = this.held.get(clientId);
    if (holder !== undefined) return { owner: this.ownerOf(holder), open: true };
    const owner = this.released.get(clientId);
    return owner === undefined ? undefined : { owner, open: false };
  }

  /** The connection holding `clientId` on this instance, if any. */
  holderOf(clientId: number): C | undefined {
    return this.held.get(clientId);
  }

  bind(clientId: number, holder: C): void {
    this.released.delete(clientId);
    this.held.set(clientId, holder);
  }

  /**
   * The holder closed. Returns whether it still held `clientId` (then its
   * state must be removed); the claim itself stays.
   */
  release(clientId: number, holder: C): boolean {
    if (this.held.get(clientId) !== holder) return false;
    this.held.delete(clientId);
    this.released.set(clientId, this.ownerOf(holder));
    this.evict();
    return true;
  }

  /** A state from another instance (stamped there): its `user.id` owns the id here too. */
  noteRemote(clientId: number, state: unknown): void {
    if (this.held.has(clientId) || this.released.has(clientId)) return;
    const user = (state as { user?: { id?: unknown } } | null)?.user;
    this.released.set(clientId, typeof user?.id === 'string' ? user.id : null);
    this.evict();
  }

  /** Client ids held by connections on this instance. */
  heldIds(): number[] {
    return [...this.held.keys()];
  }

  clear(): void {
    this.held.clear();
    this.released.clear();
  }

  private evict(): void {
    for (const clientId of this.released.keys()) {
      if (this.released.size <= this.maxReleased) return;
      this.released.delete(clientId);
    }
  }
}

export const defaultAwarenessRules: readonly AwarenessRule[] = [
  bindFirstClientId,
  stampIdentity,
  keepSecretRoundsSecret,
  limitReactions(),
];

export function applyAwarenessRules(
  rules: readonly AwarenessRule[],
  entries: readonly AwarenessEntry[],
  context: AwarenessRuleContext,
): AwarenessEntry[] {
  const kept: AwarenessEntry[] = [];
  for (const entry of entries) {
    let current: AwarenessEntry | null = entry;
    for (const rule of rules) {
      current = rule(current, context);
      if (current === null) break;
    }
    if (current !== null) kept.push(current);
  }
  return kept;
}

/**
 * Splits an awareness update into entries. Throws ProtocolError when it
 * doesn't parse, SyncRefusal when a wanted state is over `maxStateBytes`. Entries whose client id `wanted` refuses are skipped without
 * parsing their state: the stock y-websocket client sends every remote
 * presence change it receives straight back, so most of what a connection
 * sends is other people's states, which bindFirstClientId drops anyway —
 * with 100 people moving cursors, JSON-parsing those echoes was the sync
 * server's largest single cost (pnpm bench:sync, CPU profile).
 */
export function decodeAwarenessUpdate(
  update: Uint8Array,
  wanted: (clientId: number) => boolean = () => true,
  maxStateBytes: number = Infinity,
): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const length = decoding.readVarUint(decoder);
      if (length > decoder.arr.length - decoder.pos) throw new Error('truncated awareness state');
      if (!wanted(clientId)) {
        decoder.pos += length;
        continue;
      }
      // Refused before parsing: parsing a 2 MB state is most of its cost.
      if (length > maxStateBytes) throw new SyncRefusal('presence-too-large');
      const json = decoding.readUint8Array(decoder, length);
      const state: unknown = JSON.parse(textDecoder.decode(json));
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
    return entries;
  } catch (error) {
    if (error instanceof SyncRefusal) throw error;
    throw new ProtocolError('malformed awareness update', { cause: error });
  }
}

// As lib0's readVarString: strict UTF-8, a BOM kept as a character.
const textDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The inverse of decodeAwarenessUpdate (the y-protocols awareness update format). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
