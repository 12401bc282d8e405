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
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { ConnectionAccess } from './access.ts';
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
  /** Whether another open connection on the same document has bound `clientId`. */
  isBoundElsewhere(clientId: number): boolean;
}

export type AwarenessRule = (
  entry: AwarenessEntry,
  context: AwarenessRuleContext,
) => AwarenessEntry | null;

/**
 * The first client id a connection announces is bound to it; entries for any
 * other id are dropped. (The stock client sends its own state first, right
 * after connecting. It also echoes every remote state it receives back to the
 * server; those echoes are dropped here, which is harmless — the server
 * already has them.)
 *
 * An id that another open connection has bound is never bound a second time,
 * so a client that hasn't announced itself yet can't take over someone else's
 * presence with an echo. Cost: a client reconnecting while the server still
 * holds its previous, half-open connection stays invisible until that one is
 * dropped (one ping interval) and the client renews its state (every 15 s).
 */
export const bindFirstClientId: AwarenessRule = (entry, context) => {
  if (context.boundClientId === null) {
    // A removal can't be the announcement of a new presence.
    if (entry.state === null || context.isBoundElsewhere(entry.clientId)) return null;
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

export const defaultAwarenessRules: readonly AwarenessRule[] = [bindFirstClientId, stampIdentity];

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
 * doesn't parse. Entries whose client id `wanted` refuses are skipped without
 * parsing their state: the stock y-websocket client sends every remote
 * presence change it receives straight back, so most of what a connection
 * sends is other people's states, which bindFirstClientId drops anyway —
 * with 100 people moving cursors, JSON-parsing those echoes was the sync
 * server's largest single cost (pnpm bench:sync, CPU profile).
 */
export function decodeAwarenessUpdate(
  update: Uint8Array,
  wanted: (clientId: number) => boolean = () => true,
): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      if (!wanted(clientId)) {
        skipVarString(decoder);
        continue;
      }
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
    return entries;
  } catch (error) {
    throw new ProtocolError('malformed awareness update', { cause: error });
  }
}

/** Moves past a length-prefixed string without decoding it. */
function skipVarString(decoder: decoding.Decoder): void {
  const length = decoding.readVarUint(decoder);
  if (length > decoder.arr.length - decoder.pos) throw new Error('truncated awareness state');
  decoder.pos += length;
}

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
