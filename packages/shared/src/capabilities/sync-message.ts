/**
 * How the sync socket tells a client what its connection may do.
 *
 * Right after the server accepts a connection (before any board content), it
 * sends one y-protocols **auth** message (type 2) whose sub-type is
 * `CAPABILITIES_AUTH_SUBTYPE`, followed by a varString holding the JSON
 * `{ "capabilities": [...], "color": "#…" }` (`ZSyncCapabilities`; `color`
 * is the presence colour the server stamps on this connection, so the
 * person's own avatar wears what others see). A role change closes the
 * socket with 4000; the reconnecting socket gets the new list.
 *
 * Why the auth message: y-protocols' `readAuthMessage` ignores sub-types it
 * doesn't know (it only acts on 0, "permission denied"), so a stock
 * `WebsocketProvider` skips this message silently — an unknown top-level
 * message type would make it log "Unable to compute message" every time it
 * connects. The sub-type is far from y-protocols' own numbers so a future
 * one of theirs won't collide.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';
import { MAP_ACTIONS, type MapAction } from './actions.ts';

/** y-protocols' message type for auth messages (`messageAuth` in y-websocket). */
export const SYNC_AUTH_MESSAGE = 2;
/** Our auth sub-type: "these are your capabilities on this map". */
export const CAPABILITIES_AUTH_SUBTYPE = 74;

/**
 * The payload. Names are plain strings on the wire: a client older than the
 * server skips actions it doesn't know instead of dropping the whole list.
 */
export const ZSyncCapabilities = z.object({
  capabilities: z.array(z.string()),
  color: z.string().optional(),
});
export type TSyncCapabilities = z.infer<typeof ZSyncCapabilities>;

/** What a client learns from the message. */
export interface SyncWelcome {
  readonly capabilities: MapAction[];
  /** The colour others see this connection's presence in; absent for a connection without presence. */
  readonly color?: string;
}

/** The whole frame the server sends (server side). */
export function encodeCapabilitiesMessage(
  capabilities: readonly MapAction[],
  options: { color?: string } = {},
): Uint8Array {
  const payload: TSyncCapabilities = {
    capabilities: [...capabilities],
    ...(options.color ? { color: options.color } : {}),
  };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC_AUTH_MESSAGE);
  encoding.writeVarUint(encoder, CAPABILITIES_AUTH_SUBTYPE);
  encoding.writeVarString(encoder, JSON.stringify(payload));
  return encoding.toUint8Array(encoder);
}

/**
 * Client side, inside a y-websocket handler for SYNC_AUTH_MESSAGE (the
 * message type already read): the capabilities (and colour) if this is our
 * sub-type — the decoder then has consumed it — else null with the decoder
 * untouched, for y-protocols' own auth handler.
 */
export function readCapabilitiesMessage(decoder: decoding.Decoder): SyncWelcome | null {
  const peek = decoding.clone(decoder);
  if (decoding.readVarUint(peek) !== CAPABILITIES_AUTH_SUBTYPE) return null;
  const parsed = ZSyncCapabilities.safeParse(JSON.parse(decoding.readVarString(peek)));
  decoder.pos = peek.pos;
  if (!parsed.success) return null;
  const known = new Set<string>(MAP_ACTIONS);
  const capabilities = parsed.data.capabilities.filter((name): name is MapAction =>
    known.has(name),
  );
  return parsed.data.color ? { capabilities, color: parsed.data.color } : { capabilities };
}

/**
 * Our auth sub-type: "the server did not take the changes you sent". A
 * connection without `board.edit` has every sync step 2 and update dropped
 * (the server's read-only rule); when one of them would have changed the
 * board — something the server lacks, or a deletion of something it still
 * has — the server sends this once per connection, so the client can say its
 * offline changes were not saved and put the server's board back on the
 * screen instead of keeping them as if they were. A stock provider skips it
 * like the capabilities message.
 */
export const WRITES_REFUSED_AUTH_SUBTYPE = 75;

/** The payload: the action the connection would have needed (`board.edit`). */
export const ZSyncWritesRefused = z.object({ needs: z.string() });
export type TSyncWritesRefused = z.infer<typeof ZSyncWritesRefused>;

/** The whole frame the server sends (server side). */
export function encodeWritesRefusedMessage(needs: MapAction = 'board.edit'): Uint8Array {
  const payload: TSyncWritesRefused = { needs };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC_AUTH_MESSAGE);
  encoding.writeVarUint(encoder, WRITES_REFUSED_AUTH_SUBTYPE);
  encoding.writeVarString(encoder, JSON.stringify(payload));
  return encoding.toUint8Array(encoder);
}

/**
 * Client side, like readCapabilitiesMessage: the refusal if this is our
 * sub-type (the decoder then has consumed it), else null with the decoder
 * untouched, for the next handler.
 */
export function readWritesRefusedMessage(decoder: decoding.Decoder): TSyncWritesRefused | null {
  const peek = decoding.clone(decoder);
  if (decoding.readVarUint(peek) !== WRITES_REFUSED_AUTH_SUBTYPE) return null;
  const parsed = ZSyncWritesRefused.safeParse(JSON.parse(decoding.readVarString(peek)));
  decoder.pos = peek.pos;
  return parsed.success ? parsed.data : null;
}
