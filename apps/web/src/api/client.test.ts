import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './client.ts';

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
    await expect(api.listMaps()).resolves.toEqual([map]);
    expect(fetchMock).toHaveBeenCalledWith('/api/maps', expect.objectContaining({ method: 'GET' }));
  });

  it('sends JSON bodies, and no content type without one', async () => {
    const fetchMock = mockFetch(json(201, map), new Response(null, { status: 204 }));
    await api.createMap({ title: 'First purchase', template: 'blank' });
    const [, createInit] = fetchMock.mock.calls[0]!;
    expect(createInit?.body).toBe(JSON.stringify({ title: 'First purchase', template: 'blank' }));
    expect(createInit?.headers).toMatchObject({ 'content-type': 'application/json' });

    await api.deleteMap('m 1');
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
    const error = await api.createMap({ title: ' ' }).catch((caught: unknown) => caught);
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
    await expect(api.getMap('m1')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    await expect(api.getMap('m1')).rejects.toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
      message: 'The server answered with an unexpected error (502). Try again.',
    });
    await expect(api.getMap('m1')).rejects.toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
  });
});
