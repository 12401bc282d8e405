import type { TMeResponse } from '@journeyboard/shared';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { lastKnown } from '../offline/last-known.ts';
import { ApiError } from '../api/client.ts';
import { errorResponse, jsonResponse, mockApi } from '../test/fetch-mock.ts';
import { useAuthActions } from './auth-actions.ts';
import { meQuery, refreshMe, signedInMe, useAuth, watchForEndedSession } from './me.ts';

const me: TMeResponse = {
  kind: 'user',
  user: { id: 'u1', email: 'ada@example.test', name: 'Ada' },
  workspaces: [{ id: 'w1', name: 'Personal', personal: true, role: 'owner' }],
};

const offline = () =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }),
  );

let client: QueryClient;
const wrapper = ({ children }: { children: ReactNode }) =>
  createElement(QueryClientProvider, { client }, children);

beforeEach(() => {
  window.localStorage.clear();
  client = createQueryClient({ retry: false });
});
afterEach(() => vi.unstubAllGlobals());

describe('who is signed in (the me query)', () => {
  it('answers from this device’s copy when the server is unreachable', async () => {
    mockApi({ 'GET /api/me': () => jsonResponse(200, me) });
    expect(await client.fetchQuery(meQuery)).toEqual({ me });
    expect(signedInMe(client)).toEqual(me);

    offline();
    expect(await refreshMe(client)).toEqual({ me, fromDevice: true });
    expect(signedInMe(client)).toEqual(me);
  });

  it('keeps why a workshop guest’s access ended, to say instead of asking to sign in', async () => {
    const why = 'The workshop link you joined with was closed or has expired.';
    mockApi({ 'GET /api/me': () => errorResponse(401, 'WORKSHOP_ACCESS_ENDED', why) });
    const { result } = renderHook(() => useAuth(), { wrapper });
    await waitFor(() => expect(result.current).toEqual({ status: 'anonymous', ended: why }));
    expect(signedInMe(client)).toBeNull();
  });

  it('shows nothing of a signed-out account offline', async () => {
    mockApi({
      'GET /api/me': () => jsonResponse(200, me),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    const { result } = renderHook(() => ({ auth: useAuth(), actions: useAuthActions() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.auth).toEqual({ status: 'signed-in', me }));
    lastKnown.rememberMap(me, {
      id: 'm1',
      title: 'Secret plans',
      description: '',
      createdAt: '2025-03-01T09:00:00.000Z',
      updatedAt: '2025-03-01T09:00:00.000Z',
    });
    await act(() => result.current.actions.signOut());
    await waitFor(() => expect(result.current.auth).toEqual({ status: 'anonymous' }));
    expect(lastKnown.me()).toBeNull();
    expect(lastKnown.map(me, 'm1')).toBeNull();

    offline();
    await expect(refreshMe(client)).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    // Still nobody: the server's last word stands, and the device has nothing to offer.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(result.current.auth).toEqual({ status: 'anonymous' });
  });

  it('forgets the copy when the server says the session ended', async () => {
    mockApi({ 'GET /api/me': () => jsonResponse(200, me) });
    await client.fetchQuery(meQuery);
    mockApi({ 'GET /api/me': () => errorResponse(401, 'UNAUTHENTICATED', 'Sign in to continue.') });
    expect(await refreshMe(client)).toBeNull();
    expect(lastKnown.me()).toBeNull();

    offline();
    await expect(refreshMe(client)).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('asks the server again when the network is back, and a 401 then signs the tab out', async () => {
    lastKnown.rememberMe(me);
    offline();
    const { result } = renderHook(() => useAuth(), { wrapper });
    await waitFor(() =>
      expect(result.current).toEqual({ status: 'signed-in', me, fromDevice: true }),
    );

    const fetchMock = mockApi({
      'GET /api/me': () => errorResponse(401, 'UNAUTHENTICATED', 'Sign in to continue.'),
    });
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(result.current).toEqual({ status: 'anonymous' }));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(lastKnown.me()).toBeNull();
  });
});

describe('a session that ends while pages are open', () => {
  it('asks who is signed in again when a request of the account is refused with 401, and not for a 404', async () => {
    let signedIn = true;
    const asked = vi.fn(() =>
      signedIn ? jsonResponse(200, me) : errorResponse(401, 'UNAUTHENTICATED', 'Sign in.'),
    );
    mockApi({ 'GET /api/me': asked });
    const stop = watchForEndedSession(client);
    await client.fetchQuery(meQuery);
    const refused = (status: number) => () =>
      Promise.reject(
        new ApiError(status === 401 ? 'UNAUTHENTICATED' : 'MAP_NOT_FOUND', 'No.', status),
      );

    // Signed out in another tab. A refusal that isn't 401 says nothing about the session…
    signedIn = false;
    await client
      .fetchQuery({ queryKey: ['maps', 'one', 'm1'], queryFn: refused(404) })
      .catch(() => {});
    expect(asked).toHaveBeenCalledTimes(1);

    // …a 401 does.
    await client.fetchQuery({ queryKey: ['maps', 'list'], queryFn: refused(401) }).catch(() => {});
    await waitFor(() => expect(signedInMe(client)).toBeNull());
    expect(asked).toHaveBeenCalledTimes(2);
    stop();
  });
});
