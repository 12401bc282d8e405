import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes } from '@journeyboard/shared';
import { ApiError, call, stream } from './client.ts';

const map = {
  id: 'm1',
  title: 'First purchase',
  description: '',
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-02T10:00:00.000Z',
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function mockFetch(...responses: (Response | Error)[]) {
  const fetchMock = vi.fn<typeof fetch>();
  for (const response of responses) {
    if (response instanceof Error) fetchMock.mockRejectedValueOnce(response);
    else fetchMock.mockResolvedValueOnce(response);
  }
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('lists maps, validating the response', async () => {
    const fetchMock = mockFetch(json(200, { maps: [map] }));
    await expect(call(routes.maps.list)).resolves.toEqual({ maps: [map] });
    expect(fetchMock).toHaveBeenCalledWith('/api/maps', expect.objectContaining({ method: 'GET' }));
  });

  it('sends JSON bodies, and no content type without one', async () => {
    const fetchMock = mockFetch(json(201, map), new Response(null, { status: 204 }));
    await call(routes.maps.create, { body: { title: 'First purchase', template: 'blank' } });
    const [, createInit] = fetchMock.mock.calls[0]!;
    expect(createInit?.body).toBe(JSON.stringify({ title: 'First purchase', template: 'blank' }));
    expect(createInit?.headers).toMatchObject({ 'content-type': 'application/json' });

    await call(routes.maps.remove, { params: { id: 'm 1' } });
    const [url, deleteInit] = fetchMock.mock.calls[1]!;
    expect(url).toBe('/api/maps/m%201');
    expect(deleteInit?.headers).not.toHaveProperty('content-type');
  });

  it('turns an error body into an ApiError with its code, message and issues', async () => {
    mockFetch(
      json(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'The request is not valid.',
          issues: [{ path: 'title', message: 'Give the map a title.' }],
        },
      }),
    );
    const error = await call(routes.maps.create, { body: { title: ' ' } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'The request is not valid.',
      issues: [{ path: 'title', message: 'Give the map a title.' }],
    });
  });

  it('reports unreachable servers and unexpected answers in plain words', async () => {
    mockFetch(
      new TypeError('Failed to fetch'),
      new Response('<html>Bad gateway</html>', { status: 502 }),
      json(200, { nope: true }),
    );
    await expect(call(routes.maps.get, { params: { id: 'm1' } })).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      status: 0,
    });
    await expect(call(routes.maps.get, { params: { id: 'm1' } })).rejects.toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
      message: 'The server answered with an unexpected error (502). Try again.',
    });
    await expect(call(routes.maps.get, { params: { id: 'm1' } })).rejects.toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
    });
  });

  it('fills in path params and the query from the route', async () => {
    const fetchMock = mockFetch(json(200, { maps: [] }), json(200, { threads: [] }));
    await call(routes.maps.list, { query: { workspaceId: 'w1' } });
    await call(routes.comments.list, { params: { id: 'm1' }, query: { status: 'open' } });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      '/api/maps?workspaceId=w1',
      '/api/maps/m1/comments?status=open',
    ]);
  });

  it('rejects a success whose body does not match the route’s schema', async () => {
    mockFetch(json(200, { ...map, title: 42 }), json(201, { maps: [map] }));
    await expect(call(routes.maps.get, { params: { id: 'm1' } })).rejects.toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
      message: 'The server sent a response this app does not understand. Reload the page.',
    });
    // A status the route never answers is just as unexpected, whatever the body.
    await expect(call(routes.maps.list)).rejects.toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
  });

  it('reads a stream route as validated events, skipping what does not match', async () => {
    // One event split across two chunks, a comment line, and one the schema refuses.
    const chunks = [
      'data: {"type":"ready"}\n\n: ping\n\n',
      'data: {"type":"nope"}\n\ndata: {"type":"thr',
      'ead-deleted","threadId":"t1"}\n\n',
    ];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const sse = new Response(body, {
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
    });
    const fetchMock = mockFetch(sse);
    const events = [];
    for await (const event of stream(routes.mapEvents.events, { params: { id: 'm1' } })) {
      events.push(event);
    }
    expect(events).toEqual([{ type: 'ready' }, { type: 'thread-deleted', threadId: 't1' }]);
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/maps/m1/events',
      expect.objectContaining({ headers: { accept: 'text/event-stream' } }),
    );
  });

  it('rejects a refused stream with the ApiError of its answer', async () => {
    mockFetch(json(404, { error: { code: 'MAP_NOT_FOUND', message: 'Map not found.' } }));
    const events = stream(routes.mapEvents.events, { params: { id: 'm1' } });
    await expect(events.next()).rejects.toMatchObject({ code: 'MAP_NOT_FOUND', status: 404 });
  });
});
