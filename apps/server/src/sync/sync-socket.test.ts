import { describe, expect, it, vi } from 'vitest';
import { SyncSocket, type SocketListener } from './sync-socket.ts';

/**
 * A server-side `ws` socket with no network under it: `ws` builds one for a
 * null address, as its server does (its types only describe clients).
 */
function socketWithListener() {
  const socket = new SyncSocket(null as never, undefined, { autoPong: true });
  const listener = {
    onSocketMessage: vi.fn(),
    onSocketPong: vi.fn(),
    onSocketClose: vi.fn(),
    onSocketError: vi.fn(),
  } satisfies SocketListener;
  socket.listener = listener;
  return { socket, listener };
}

describe('a sync socket', () => {
  it('hands its four events to its listener without keeping a listener table', () => {
    const { socket, listener } = socketWithListener();
    const frame = Buffer.from([0, 1]);
    socket.emit('message', frame, true);
    socket.emit('pong', Buffer.alloc(0));
    socket.emit('close', 1000, Buffer.alloc(0));
    expect(listener.onSocketMessage).toHaveBeenCalledWith(frame, true);
    expect(listener.onSocketPong).toHaveBeenCalledTimes(1);
    expect(listener.onSocketClose).toHaveBeenCalledTimes(1);
    expect(socket.eventNames()).toEqual([]);
  });

  it("takes an 'error' to its listener instead of throwing for want of an 'error' listener", () => {
    const { socket, listener } = socketWithListener();
    const error = new Error('Max payload size exceeded');
    expect(() => socket.emit('error', error)).not.toThrow();
    expect(listener.onSocketError).toHaveBeenCalledWith(error);
  });

  it('still tells listeners added with on(), and leaves other events to them', () => {
    const { socket, listener } = socketWithListener();
    const onClose = vi.fn();
    const onPing = vi.fn();
    socket.on('close', onClose);
    socket.on('ping', onPing);
    socket.emit('close', 1000, Buffer.alloc(0));
    socket.emit('ping', Buffer.alloc(0));
    expect(listener.onSocketClose).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onPing).toHaveBeenCalledTimes(1);
  });
});
