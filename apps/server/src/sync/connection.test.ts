import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  Connection,
  type ConnectionOptions,
  type ConnectionSocket,
  type FrameReceiver,
} from './connection.ts';
import { dispatchSocketEvent, type SocketListener } from './sync-socket.ts';

/** Just enough of a `ws` socket: events handed to its listener as SyncSocket does, a ready state, close. */
class FakeSocket extends EventEmitter {
  listener: SocketListener | null = null;
  override emit(event: string, ...args: unknown[]): boolean {
    return dispatchSocketEvent(this.listener, event, args) || super.emit(event, ...args);
  }
  readonly OPEN = 1;
  readonly CONNECTING = 0;
  readonly CLOSED = 3;
  readyState = 1;
  bufferedAmount = 0;
  send = vi.fn();
  ping = vi.fn();
  closedWith: [number, string] | null = null;
  close(code?: number, reason?: string) {
    if (code !== undefined) this.closedWith = [code, reason ?? ''];
    this.readyState = this.CLOSED;
    this.emit('close');
  }
  terminate() {
    this.close();
  }
}

const options: ConnectionOptions = {
  maxBufferedBytes: 1_000_000,
  maxQueuedMessages: 100,
  maxQueuedBytes: 1_000_000,
  expiryHorizonMs: 60_000,
  log: { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() } as never,
  onClosed: vi.fn(),
};

/** A document standing in: its two callbacks, watched. */
function receiver() {
  const receiveFrame = vi.fn();
  const connectionClosed = vi.fn();
  const doc: FrameReceiver = { receiveFrame, connectionClosed };
  return { doc, receiveFrame, connectionClosed };
}

describe('a sync connection and its document', () => {
  it('hands frames queued before the join over in order, and tells the document once when it closes', () => {
    const socket = new FakeSocket();
    const connection = new Connection(socket as unknown as ConnectionSocket, options);
    socket.emit('message', Buffer.from([0, 1]), true);
    const { doc, receiveFrame, connectionClosed } = receiver();
    connection.start(doc);
    expect(receiveFrame).toHaveBeenCalledTimes(1);
    socket.close();
    socket.emit('close');
    expect(connectionClosed).toHaveBeenCalledTimes(1);
    expect(connectionClosed).toHaveBeenCalledWith(connection);
    socket.emit('message', Buffer.from([0, 1]), true);
    expect(receiveFrame).toHaveBeenCalledTimes(1);
  });

  it('tells a document at once that a connection closed before it joined', () => {
    const socket = new FakeSocket();
    const connection = new Connection(socket as unknown as ConnectionSocket, options);
    socket.close();
    const { doc, receiveFrame, connectionClosed } = receiver();
    connection.start(doc);
    expect(connectionClosed).toHaveBeenCalledTimes(1);
    expect(receiveFrame).not.toHaveBeenCalled();
  });
});

describe('a sync connection whose access ends', () => {
  it('closes at its session’s end, saying so, with no timer kept until the end is near', () => {
    vi.useFakeTimers();
    try {
      const socket = new FakeSocket();
      const connection = new Connection(socket as unknown as ConnectionSocket, options);
      const tenMinutes = 10 * 60_000;
      connection.access = {
        capabilities: [],
        expiresAt: new Date(Date.now() + tenMinutes),
        expiryReason: 'session expired',
      };
      connection.armExpiryWhenNear();
      expect(vi.getTimerCount()).toBe(0); // ten minutes off: nothing armed yet
      vi.advanceTimersByTime(tenMinutes - 30_000);
      socket.emit('pong');
      connection.checkAlive(); // within the horizon now: armed
      expect(vi.getTimerCount()).toBe(1);
      vi.advanceTimersByTime(29_000);
      expect(socket.closedWith).toBeNull();
      vi.advanceTimersByTime(1_000);
      expect(socket.closedWith).toEqual([4403, 'session expired']);
    } finally {
      vi.useRealTimers();
    }
  });
});
