/**
 * Board receivers: the join scenario's second measure, the server's share of
 * a join. A receiver speaks each server's wire protocol as its client library
 * does on connect — it asks for the document (sync step 1 with an empty
 * state vector) and announces an empty presence state, so the server does
 * its whole join work, presence fan-out included — but it never applies the
 * board: it only notes when the server's sync step 2 arrives.
 *
 * Why: with real clients, 100 people joining means 100 Y.Docs applying a
 * 2,000-card board in this one process. That is 5–7 CPU-seconds here (a
 * third of it garbage collection) against 0.2–0.9 s in any server, so the
 * "synced" times mostly measure this process's queue (docs/benchmarks.md,
 * session 34). In a workshop each person's browser applies the board on
 * its own CPU, in parallel; what differs between servers is how soon the
 * board reaches them.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { messageYjsSyncStep2, writeSyncStep1 } from 'y-protocols/sync';
import * as Y from 'yjs';

export interface BoardReceiver {
  /** Resolves when the server's answer to our sync step 1 (the whole board) has arrived. */
  readonly received: Promise<void>;
  destroy(): void;
}

export type ReceiverFactory = (document: string) => BoardReceiver;

/** y-protocols message types (y-websocket's framing; Hocuspocus adds its own below). */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
/** Hocuspocus's own message types (@hocuspocus/server's MessageType). */
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;
const HOCUSPOCUS_AUTH_TOKEN = 0;

/** For y-websocket's framing: our server and @y/websocket-server; `headers` carry the credentials. */
export function yWebsocketReceivers(
  url: string,
  { headers = {} }: { headers?: Record<string, string> } = {},
): ReceiverFactory {
  return (document) =>
    receiver(new WebSocket(`${url}/${document}`, { headers }), {
      frame: (write) => write,
      isBoard: (decoder) =>
        decoding.readVarUint(decoder) === MESSAGE_SYNC &&
        decoding.readVarUint(decoder) === messageYjsSyncStep2,
    });
}

/** Hocuspocus: every message starts with the document's name, and a token message comes first. */
export function hocuspocusReceivers(url: string): ReceiverFactory {
  return (document) =>
    receiver(new WebSocket(url), {
      frame: (write) => (encoder) => {
        encoding.writeVarString(encoder, document);
        write(encoder);
      },
      first: (encoder) => {
        encoding.writeVarString(encoder, document);
        encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
        encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN);
        encoding.writeVarString(encoder, '');
      },
      isBoard: (decoder) => {
        decoding.readVarString(decoder);
        const type = decoding.readVarUint(decoder);
        return (
          (type === MESSAGE_SYNC || type === HOCUSPOCUS_SYNC_REPLY) &&
          decoding.readVarUint(decoder) === messageYjsSyncStep2
        );
      },
    });
}

type Write = (encoder: encoding.Encoder) => void;

function receiver(
  socket: WebSocket,
  protocol: {
    /** Wraps a y-protocols message in the server's framing. */
    frame: (write: Write) => Write;
    /** A message sent before any other (Hocuspocus's token). */
    first?: Write;
    isBoard: (decoder: decoding.Decoder) => boolean;
  },
): BoardReceiver {
  socket.binaryType = 'arraybuffer';
  // An empty document: its state vector asks for everything, and its
  // awareness is the presence a fresh client announces.
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const send = (write: Write) => {
    const encoder = encoding.createEncoder();
    write(encoder);
    socket.send(encoding.toUint8Array(encoder));
  };
  const received = new Promise<void>((resolve, reject) => {
    socket.on('open', () => {
      if (protocol.first) send(protocol.first);
      send(
        protocol.frame((encoder) => {
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          writeSyncStep1(encoder, doc);
        }),
      );
      send(
        protocol.frame((encoder) => {
          encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
          encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [doc.clientID]));
        }),
      );
    });
    socket.on('message', (data: ArrayBuffer) => {
      if (protocol.isBoard(decoding.createDecoder(new Uint8Array(data)))) resolve();
    });
    socket.on('close', (code) => reject(new Error(`closed before the board arrived (${code})`)));
  });
  return {
    received,
    destroy: () => {
      socket.close();
      awareness.destroy();
      doc.destroy();
    },
  };
}
