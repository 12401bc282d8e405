import { mapCapabilities, type MapAction } from '@journeyboard/shared';
import { vi } from 'vitest';

type Handler = (request: {
  url: string;
  method: string;
  body: unknown;
}) => Response | Promise<Response>;

export const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const errorResponse = (status: number, code: string, message: string) =>
  jsonResponse(status, { error: { code, message } });

/**
 * Stubs global fetch with handlers keyed "METHOD /path". Unmatched requests
 * fail the test loudly. Returns the mock to inspect calls.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url =
      typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    const method = init?.method ?? 'GET';
    const handler = handlers[`${method} ${url}`];
    if (!handler) throw new Error(`Unexpected request ${method} ${url}`);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    return handler({ url, method, body });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function journeyMap(
  overrides: Partial<{
    id: string;
    title: string;
    description: string;
    capabilities: MapAction[];
  }> = {},
) {
  return {
    id: 'map-1',
    title: 'First purchase',
    description: '',
    createdAt: '2025-03-01T09:00:00.000Z',
    updatedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    // What the server tells an owner (packages/shared/src/capabilities).
    capabilities: mapCapabilities(['owner']),
    ...overrides,
  };
}
