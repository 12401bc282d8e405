/**
 * The server's WebSocket class (`ws`'s `WebSocket` option): a socket that
 * hands its four events straight to the one object handling it, its
 * connection (connection.ts).
 *
 * Why not `socket.on(...)`: every `ws` socket is an EventEmitter with its
 * own listener table, kept for the socket's lifetime. A fourth event name
 * grows that table from ~160 to ~256 bytes, and finding the connection from
 * a shared listener took a WeakMap entry more (~70 bytes). `emit` here is
 * one method on the prototype, shared by every socket, and the connection is
 * one field.
 */
import { WebSocket, type RawData } from 'ws';

/** What a socket's events are handed to. */
export interface SocketListener {
  onSocketMessage(data: RawData, isBinary: boolean): void;
  onSocketPong(): void;
  onSocketClose(): void;
  /**
   * A frame over maxPayload, an invalid frame, a reset: `ws` has already
   * started closing with the matching code (e.g. 1009). Required: an
   * EventEmitter with nobody listening to 'error' throws.
   */
  onSocketError(error: Error): void;
}

/** The socket side of the hand-over; `FakeSocket` in tests implements it too. */
export interface ListenedSocket {
  listener: SocketListener | null;
}

export class SyncSocket extends WebSocket implements ListenedSocket {
  /** Set synchronously in the upgrade's callback, before `ws` emits anything. */
  listener: SocketListener | null = null;

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    const handled = dispatchSocketEvent(this.listener, event, args);
    // Listeners added with `on` still hear every event, as on any socket;
    // an 'error' the listener took must not throw for want of one.
    if (handled && event === 'error' && this.listenerCount('error') === 0) return true;
    return super.emit(event, ...args) || handled;
  }
}

/** Hands one socket event to `listener`: true if it took it ('open', 'ping', … it doesn't). */
export function dispatchSocketEvent(
  listener: SocketListener | null,
  event: string | symbol,
  args: readonly unknown[],
): boolean {
  if (!listener) return false;
  switch (event) {
    case 'message':
      listener.onSocketMessage(args[0] as RawData, args[1] as boolean);
      return true;
    case 'pong':
      listener.onSocketPong();
      return true;
    case 'close':
      listener.onSocketClose();
      return true;
    case 'error':
      listener.onSocketError(args[0] as Error);
      return true;
    default:
      return false;
  }
}
