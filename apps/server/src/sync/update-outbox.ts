/**
 * Coalesces a document's changes before they are relayed to its connections.
 *
 * Relaying each change on its own costs every client one frame and one Yjs
 * transaction per change: with 100 people writing 2 edits/s, each client
 * applies ~200 updates a second and the server writes ~20,000 frames. The
 * outbox instead collects the changes that arrive within one turn of the
 * event loop and sends them as ONE merged update (`setImmediate`, so nothing
 * waits for a timer). On a quiet map a turn holds one change and this is
 * exactly the old behaviour; under load, turns hold several and the batches
 * grow with the load — the busier the map, the more frames it saves.
 *
 * A client never needs its own changes back: a contributor to a batch gets
 * the merge of everyone else's changes (nothing if it was alone). Past
 * MAX_TAILORED_CONTRIBUTORS contributors in one batch, tailoring would cost a
 * merge per contributor; they get the whole batch instead, and Yjs skips what
 * a client already has.
 */
import * as Y from 'yjs';
import { encodeUpdate } from './protocol.ts';

/** Returns the message for one recipient, or null when it has nothing new. */
export type MessageFor = (recipient: unknown) => Uint8Array | null;

const MAX_TAILORED_CONTRIBUTORS = 8;

interface Change {
  readonly update: Uint8Array;
  readonly origin: unknown;
}

export class UpdateOutbox {
  private pending: Change[] = [];
  private immediate: NodeJS.Immediate | null = null;
  private readonly deliver: (messageFor: MessageFor) => void;

  /** `deliver` sends `messageFor(connection)` to each connection it returns a message for. */
  constructor(deliver: (messageFor: MessageFor) => void) {
    this.deliver = deliver;
  }

  /** Queues a change made by `origin` (a connection, or anything else: relayed to everyone). */
  add(update: Uint8Array, origin: unknown): void {
    this.pending.push({ update, origin });
    this.immediate ??= setImmediate(this.flush);
  }

  /** Sends everything queued now. */
  readonly flush = (): void => {
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) this.deliver(messagesFor(batch));
  };

  /** Drops whatever is queued (the document is going away). */
  discard(): void {
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
    this.pending = [];
  }
}

function messagesFor(batch: readonly Change[]): MessageFor {
  const contributors = new Set(batch.map((change) => change.origin));
  let everything: Uint8Array | undefined;
  const whole = (): Uint8Array =>
    (everything ??= encodeUpdate(merge(batch.map((change) => change.update))));
  if (contributors.size > MAX_TAILORED_CONTRIBUTORS) return whole;

  const tailored = new Map<unknown, Uint8Array | null>();
  return (recipient) => {
    if (!contributors.has(recipient)) return whole();
    let message = tailored.get(recipient);
    if (message === undefined) {
      const others = batch.filter((change) => change.origin !== recipient);
      message = others.length > 0 ? encodeUpdate(merge(others.map((c) => c.update))) : null;
      tailored.set(recipient, message);
    }
    return message;
  };
}

function merge(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}
