/**
 * The y-protocols wire format spoken by the stock `y-websocket` client: every
 * binary frame is exactly one message, `varUint type` followed by its payload.
 *
 *   0 sync      varUint subtype (0 step 1 | 1 step 2 | 2 update) + varUint8Array
 *   1 awareness varUint8Array (an awareness update)
 *   3 query awareness (no payload): "send me every awareness state"
 *
 * Decoding is strict and separate from applying, so a malformed frame is
 * rejected (ProtocolError → close 1007) before it can touch the document.
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
 * Parses an update completely without integrating it. Y.applyUpdate reads the
 * delete set only after integrating the structs, so a frame that is broken
 * near its end could otherwise leave half of itself in the live document.
 * Costs one extra parse per update (updates are typically tens of bytes).
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
  for (const ranges of decoded.ds.clients.values()) {
    if (ranges.some((range) => range.len <= 0)) throw new ProtocolError('malformed Yjs update');
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
