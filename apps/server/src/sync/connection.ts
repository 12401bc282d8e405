/**
 * One client socket: framing, liveness, backpressure and close handling.
 * Knows nothing about documents — it hands decoded frames to a handler.
 *
 * The socket's events reach the connection from its constructor on, i.e.
 * synchronously in the upgrade's callback, before anything awaits (access
 * check, document load). The client sends sync step 1 and its awareness state
 * the moment the socket opens; a listener attached after an `await` would
 * miss them and the client would never sync. Frames are queued until
 * `start()` and then handled in arrival order.
 */
import type { RawData, WebSocket } from 'ws';
import type { ConnectionAccess } from './access.ts';
import type { ListenedSocket, SocketListener } from './sync-socket.ts';
import { CloseCode, CloseReason } from '@journeyboard/shared';
import type { SyncLogger } from './logger.ts';
import { KEEP_ALIVE_MESSAGE, ProtocolError } from './protocol.ts';

/**
 * One object shared by every connection of a server (a socket keeps what it
 * references for its lifetime; ten thousand copies of the same numbers add up).
 */
export interface ConnectionOptions {
  /** Above this many unsent bytes the client is too slow: close 1013, it resyncs on reconnect. */
  readonly maxBufferedBytes: number;
  /** Caps on what is queued before the document is ready. */
  readonly maxQueuedMessages: number;
  readonly maxQueuedBytes: number;
  /**
   * A connection's access ends at `access.expiresAt` (a link's expiry, its
   * session's end): the close is armed once that is less than this far away,
   * at the join or at a liveness check (one per ping interval, so make this
   * more than one). Sessions last 30 days: a timer per socket from the start
   * would be memory every idle socket keeps, and setTimeout can't wait past
   * ~24.8 days anyway.
   */
  readonly expiryHorizonMs: number;
  readonly log: SyncLogger;
  /** Called once when any connection closes (the server's bookkeeping), before its own listeners. */
  readonly onClosed: (connection: Connection) => void;
}

/**
 * Where a connection's frames go once it has joined: its document, which is
 * also told when the connection closes. An object rather than closures per
 * connection (the socket keeps what it references for its lifetime).
 */
export interface FrameReceiver {
  receiveFrame(connection: Connection, frame: Uint8Array): void;
  /** Once, when the connection closes (at once, for one that closed before `start`). */
  connectionClosed(connection: Connection): void;
}

let nextConnectionId = 1;

/** Shared empties: every socket keeps its fields for its lifetime. */
const NO_LISTENERS: readonly (() => void)[] = [];
/** Frames that came before `start`: one object, dropped at `start`, not two fields every open socket keeps. */
interface QueuedFrames {
  readonly frames: Uint8Array[];
  bytes: number;
}

/** How long a closing peer gets to answer our close frame before the socket is destroyed. */
const CLOSE_GRACE_MS = 1_000;

/** A `ws` socket that hands its events to one listener (sync-socket.ts). */
export type ConnectionSocket = WebSocket & ListenedSocket;

export class Connection implements SocketListener {
  readonly id = nextConnectionId++;
  readonly socket: ConnectionSocket;
  /** Set once access is resolved, before the connection joins a document. */
  access: ConnectionAccess = { capabilities: [] };
  /** The awareness client id bound to this connection (see awareness-rules.ts). */
  awarenessClientId: number | null = null;
  /** Closed because its access ended for good (4403): it will not be back to finish anything. */
  accessEnded = false;
  /**
   * Closed to come back with access that cannot write the board (a member made
   * viewer): it may be back, but never to finish what it was writing.
   */
  writingEnded = false;

  private readonly options: ConnectionOptions;
  private receiver: FrameReceiver | null = null;
  /** Frames that came before `start`; null afterwards (nothing kept per open socket). */
  private queue: QueuedFrames | null = { frames: [], bytes: 0 };
  /** Replaced, never pushed to: an array that was pushed to keeps room for 16. */
  private closeListeners: readonly (() => void)[] = NO_LISTENERS;
  private closed = false;
  private alive = true;
  private expiryArmed = false;

  constructor(socket: ConnectionSocket, options: ConnectionOptions) {
    this.socket = socket;
    this.options = options;
    socket.listener = this;
  }

  /**
   * Ping/pong liveness, called once per ping interval by the server's one
   * sweep (open-connections.ts; one timer per server, not one per socket): a
   * peer that vanished without a FIN (laptop lid, mobile network) would
   * otherwise hold its document and presence forever. No pong since the last
   * check: the socket is ended.
   */
  checkAlive(): void {
    if (this.closed) return;
    this.armExpiryWhenNear();
    if (!this.alive) {
      this.options.log.debug({ connection: this.id }, 'no pong; terminating sync connection');
      this.socket.terminate();
      this.markClosed();
      return;
    }
    this.alive = false;
    this.socket.ping();
    this.keepAlive();
  }

  /** A message the client applies as nothing, so it knows the server is there (protocol.ts). */
  keepAlive(): void {
    // Not before it has joined: its first messages are the document's.
    if (this.queue === null) this.send(KEEP_ALIVE_MESSAGE);
  }

  /** Arms the close at the access's end, once it is within `expiryHorizonMs` (see the option). */
  armExpiryWhenNear(): void {
    const expiresAt = this.access.expiresAt;
    if (this.expiryArmed || this.closed || !expiresAt) return;
    const left = expiresAt.getTime() - Date.now();
    if (left > this.options.expiryHorizonMs) return;
    this.expiryArmed = true;
    const timer = setTimeout(() => this.closeAsExpired(), Math.max(left, 0));
    timer.unref();
    this.onClose(() => clearTimeout(timer));
  }

  private closeAsExpired(): void {
    const { reconnectOnRevoke, expiryReason } = this.access;
    // On another credential besides (a member who joined the workshop too): back on what remains.
    if (reconnectOnRevoke) this.close(CloseCode.accessChanged, CloseReason.accessChanged);
    else this.close(CloseCode.accessRevoked, expiryReason ?? CloseReason.linkExpired);
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === this.socket.OPEN;
  }

  /** Starts handling frames: the queued ones first, in order. */
  start(receiver: FrameReceiver): void {
    if (this.closed) {
      // Closed while joining (a send over the backpressure limit): nothing to handle.
      receiver.connectionClosed(this);
      return;
    }
    this.receiver = receiver;
    const queued = this.queue?.frames ?? [];
    this.queue = null;
    for (const frame of queued) {
      if (this.closed) return;
      this.handle(frame);
    }
  }

  /** Runs `listener` once, when the connection closes for whatever reason. */
  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners = this.closeListeners.concat(listener);
  }

  send(message: Uint8Array): void {
    if (!this.isOpen) return;
    if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.options.log.info(
        { connection: this.id, bufferedBytes: this.socket.bufferedAmount },
        'sync client reads too slowly; closing',
      );
      this.close(CloseCode.tryAgainLater, CloseReason.tooSlow);
      return;
    }
    this.socket.send(message);
  }

  close(code: number, reason: string): void {
    if (!this.closed && code === CloseCode.accessRevoked) this.accessEnded = true;
    if (
      this.socket.readyState === this.socket.OPEN ||
      this.socket.readyState === this.socket.CONNECTING
    ) {
      try {
        this.socket.close(code, truncateReason(reason));
      } catch (error) {
        // `ws` throws on codes a server may not send (e.g. 1005, 1006).
        this.options.log.error(
          { connection: this.id, code, err: error },
          'invalid close; terminating',
        );
        this.socket.terminate();
      }
      // `ws` waits 30 s for the peer's half of the close handshake. A peer
      // that stopped reading never answers, and would hold its unsent
      // buffers — and a server shutdown — that long.
      const socket = this.socket;
      setTimeout(() => {
        if (socket.readyState !== socket.CLOSED) socket.terminate();
      }, CLOSE_GRACE_MS).unref();
    }
    // Detach right away rather than on the close handshake: nothing this
    // connection sends from now on may reach the document.
    this.markClosed();
  }

  /** The socket's 'message' event. */
  onSocketMessage(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) {
      this.close(CloseCode.unsupportedData, CloseReason.binaryOnly);
      return;
    }
    const frame = toUint8Array(data);
    if (this.receiver) {
      this.handle(frame);
      return;
    }
    const queue = this.queue;
    if (!queue) return; // closed
    queue.frames.push(frame);
    queue.bytes += frame.byteLength;
    if (
      queue.frames.length > this.options.maxQueuedMessages ||
      queue.bytes > this.options.maxQueuedBytes
    ) {
      this.close(CloseCode.tryAgainLater, 'too many messages before sync');
    }
  }

  private handle(frame: Uint8Array): void {
    try {
      this.receiver?.receiveFrame(this, frame);
    } catch (error) {
      if (error instanceof ProtocolError) {
        // Only this connection is at fault; everyone else carries on.
        this.options.log.info(
          { connection: this.id, err: error },
          'malformed sync message; closing',
        );
        this.close(CloseCode.invalidPayload, error.message);
      } else {
        this.options.log.error(
          { connection: this.id, err: error },
          'handling a sync message failed',
        );
        this.close(CloseCode.internalError, CloseReason.internalError);
      }
    }
  }

  /** The socket's 'pong' event. */
  onSocketPong(): void {
    this.alive = true;
  }

  /** The socket's 'close' event. */
  onSocketClose(): void {
    this.markClosed();
  }

  /**
   * Socket-level errors (a frame over maxPayload, an invalid frame, a reset):
   * `ws` has already started closing with the matching code (e.g. 1009);
   * anything else still open is closed as our fault.
   */
  onSocketError(error: Error): void {
    this.options.log.info({ connection: this.id, err: error }, 'sync socket error');
    if (this.socket.readyState === this.socket.OPEN) {
      this.close(CloseCode.internalError, CloseReason.internalError);
    }
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = null;
    const receiver = this.receiver;
    this.receiver = null;
    this.options.onClosed(this);
    try {
      receiver?.connectionClosed(this);
    } catch (error) {
      this.options.log.error({ connection: this.id, err: error }, 'leaving a document failed');
    }
    const listeners = this.closeListeners;
    this.closeListeners = NO_LISTENERS;
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        this.options.log.error({ connection: this.id, err: error }, 'sync close listener failed');
      }
    }
  }
}

/** A close reason may be at most 123 bytes of UTF-8; `ws` throws on longer ones. */
function truncateReason(reason: string): string {
  let truncated = reason;
  while (Buffer.byteLength(truncated) > 123) truncated = truncated.slice(0, -1);
  return truncated;
}

/**
 * A private copy of the frame: `ws` hands out Buffers that may be views into
 * larger, reused allocations, and decoded payloads outlive this call.
 */
function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  return new Uint8Array(data);
}
