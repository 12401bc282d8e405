/**
 * The y-protocols wire format spoken by the stock `y-websocket` client: every
 * binary frame is exactly one message, `varUint type` followed by its payload.
 *
 *   0 sync      varUint subtype (0 step 1 | 1 step 2 | 2 update) + varUint8Array
 *   1 awareness varUint8Array (an awareness update)
 *   3 query awareness (no payload): "send me every awareness state"
 *   2 auth      server → client only; we send one with the connection's
 *               capabilities (encodeCapabilitiesMessage in @journeyboard/shared)
 *
 * Decoding is strict and separate from applying, so a malformed frame is
 * rejected (ProtocolError → close 1007) before it can touch the document.
 * "Malformed" includes updates that parse but break invariants Yjs assumes
 * without checking (zero-length structs, references to the sender's own
 * future clocks, clocks past 2^53): one of them once left the live Y.Doc
 * unable to finish any later transaction, so the board silently stopped
 * relaying and storing everyone's edits — closing the sender afterwards
 * cannot repair that (see checkStruct). Updates that merely depend on state
 * the server lacks are valid and pass: Yjs holds them pending.
 * We don't use `syncProtocol.readSyncMessage` on the inbound side because it
 * swallows errors from `Y.applyUpdate` (logs and carries on), which would
 * hide a malformed update instead of closing the connection that sent it.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SyncMessageType = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const;

export type InboundMessage =
  | { readonly kind: 'sync-step-1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'sync-step-2'; readonly update: Uint8Array }
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  | { readonly kind: 'query-awareness' };

/** The client sent something that isn't a well-formed message. Closes its connection with 1007. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** Decodes one frame. Throws ProtocolError on anything malformed (including trailing bytes). */
export function decodeMessage(frame: Uint8Array): InboundMessage {
  const decoder = decoding.createDecoder(frame);
  let message: InboundMessage;
  try {
    message = readMessage(decoder);
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    // lib0 throws plain Errors/RangeErrors on truncated input.
    throw new ProtocolError('malformed message', { cause: error });
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message');
  return message;
}

function readMessage(decoder: decoding.Decoder): InboundMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync: {
      const subtype = decoding.readVarUint(decoder);
      const payload = readPayload(decoder);
      switch (subtype) {
        case SyncMessageType.step1:
          validateStateVector(payload);
          return { kind: 'sync-step-1', stateVector: payload };
        case SyncMessageType.step2:
          validateUpdate(payload);
          return { kind: 'sync-step-2', update: payload };
        case SyncMessageType.update:
          validateUpdate(payload);
          return { kind: 'update', update: payload };
        default:
          throw new ProtocolError(`unknown sync message type ${subtype}`);
      }
    }
    case MessageType.awareness:
      // The entries are parsed (and checked) by the awareness rules.
      return { kind: 'awareness', update: readPayload(decoder) };
    case MessageType.queryAwareness:
      return { kind: 'query-awareness' };
    default:
      // Includes 2 (auth): only servers send it. Random bytes land here too.
      throw new ProtocolError(`unknown message type ${type}`);
  }
}

/**
 * lib0's readVarUint8Array trusts the length prefix; on a Buffer that is a
 * slice of a larger pooled ArrayBuffer an overlong length would read the
 * neighbouring bytes instead of throwing.
 */
function readPayload(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder);
  if (length > decoder.arr.length - decoder.pos) throw new ProtocolError('truncated message');
  return decoding.readUint8Array(decoder, length);
}

/**
 * Parses an update completely without integrating it, and rejects what
 * parses but breaks invariants Yjs assumes instead of checking. Y.applyUpdate
 * reads the delete set only after integrating the structs, so a frame that is
 * broken near its end could otherwise leave half of itself in the live
 * document. Costs one extra parse and a loop over the structs per update
 * (updates are typically tens of bytes); never touches the document.
 */
function validateUpdate(update: Uint8Array): void {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw new ProtocolError('malformed Yjs update', { cause: error });
  }
  // An empty delete range parses, but Yjs throws on it while integrating —
  // after the structs went in (found by test/sync/fuzz.test.ts).
  for (const [client, ranges] of decoded.ds.clients) {
    checkClientId(client);
    for (const range of ranges) {
      if (range.len <= 0 || range.clock + range.len > Number.MAX_SAFE_INTEGER) {
        throw new ProtocolError('malformed Yjs update: bad delete range');
      }
    }
  }
  for (const struct of decoded.structs) checkStruct(struct);
}

/**
 * Yjs never writes these, and its struct store relies on their absence
 * without checking:
 *
 * - Every struct covers at least one clock. A zero-length struct (e.g. a
 *   ContentDeleted of length 0 — ten bytes, FUZZ_SEED=81812033) integrates,
 *   and then the binary search over the client's structs (findIndexSS) throws
 *   inside the transaction's cleanup. That cleanup runs in a `finally` and
 *   throws before it resets `doc._transactionCleanups`, so the failed
 *   transaction stays queued forever: every later transaction on the Y.Doc
 *   is taken for a nested one and never cleaned up — no 'update' event, so
 *   no client's change is relayed or stored again until the board unloads.
 *   Closing the sender cannot undo that; the update must not reach the doc.
 * - A struct's origin, right origin and parent of ITS OWN client lie at lower
 *   clocks (they existed when it was created). Yjs only waits for missing
 *   dependencies of OTHER clients (Item.getMissing) and looks same-client
 *   ones up directly, which throws halfway through integrating.
 * - Clocks stay exact integers (clock + length ≤ 2^53 − 1), so the store's
 *   arithmetic on them holds.
 *
 * Dependencies on other clients' clocks that the server lacks are NOT
 * rejected: that is how a valid update racing the state it builds on looks.
 * Yjs keeps such structs in `doc.store.pendingStructs` and integrates them
 * once the missing clocks arrive (the client sends them in its sync step 2 on
 * connect, in answer to our sync step 1); they relay nothing until then and
 * block nobody else's updates.
 */
function checkStruct(struct: Y.Item | Y.GC | Y.Skip): void {
  const { client, clock } = struct.id;
  checkClientId(client);
  if (!(struct.length >= 1) || clock + struct.length > Number.MAX_SAFE_INTEGER) {
    throw new ProtocolError('malformed Yjs update: empty or out-of-range struct');
  }
  if (!(struct instanceof Y.Item)) return;
  // `parent` is a root type's name (string), an item id or null in a decoded update.
  const parent: unknown = struct.parent;
  for (const reference of [struct.origin, struct.rightOrigin, parent]) {
    if (reference instanceof Y.ID && reference.client === client && reference.clock >= clock) {
      throw new ProtocolError('malformed Yjs update: refers to its own future');
    }
  }
}

/** Yjs client ids are random uint32s; anything larger only comes from a corrupted frame. */
function checkClientId(client: number): void {
  if (!Number.isInteger(client) || client < 0 || client > 0xffff_ffff) {
    throw new ProtocolError('malformed Yjs update: bad client id');
  }
}

function validateStateVector(stateVector: Uint8Array): void {
  try {
    Y.decodeStateVector(stateVector);
  } catch (error) {
    throw new ProtocolError('malformed state vector', { cause: error });
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/**
 * Sent to every connection twice per ping interval (open-connections.ts): an
 * awareness update with no entries, which a client applies as nothing. A
 * y-websocket client hangs up after 30 s without a message
 * (`messageReconnectTimeout`, not configurable) and never sees a `ws` ping —
 * the browser answers those below page code. Someone alone on a map hears
 * nothing else: no one else's edits or presence.
 */
export const KEEP_ALIVE_MESSAGE: Uint8Array = encodeAwareness(new Uint8Array([0]));
