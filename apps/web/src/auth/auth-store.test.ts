import type { TMeResponse } from '@journeyboard/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, mockApi } from '../test/fetch-mock.ts';
import { lastKnown } from '../offline/last-known.ts';
import { useAuthStore } from './auth-store.ts';

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

beforeEach(() => {
  window.localStorage.clear();
  useAuthStore.setState({ state: { status: 'loading' } });
});
afterEach(() => vi.unstubAllGlobals());

describe('auth store offline', () => {
  it('signs in from this device’s copy when the server is unreachable', async () => {
    mockApi({ 'GET /api/me': () => jsonResponse(200, me) });
    await useAuthStore.getState().load();
    expect(useAuthStore.getState().state).toEqual({ status: 'signed-in', me });

    offline();
    await useAuthStore.getState().load();
    expect(useAuthStore.getState().state).toEqual({ status: 'signed-in', me, fromDevice: true });
  });

  it('shows nothing of a signed-out account offline', async () => {
    mockApi({
      'GET /api/me': () => jsonResponse(200, me),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    await useAuthStore.getState().load();
    lastKnown.rememberMap(me, {
      id: 'm1',
      title: 'Secret plans',
      description: '',
      createdAt: '2025-03-01T09:00:00.000Z',
      updatedAt: '2025-03-01T09:00:00.000Z',
    });
    await useAuthStore.getState().signOut();
    expect(lastKnown.me()).toBeNull();
    expect(lastKnown.map(me, 'm1')).toBeNull();

    offline();
    await useAuthStore.getState().load();
    expect(useAuthStore.getState().state.status).toBe('error');
  });

  it('forgets the copy when the server says the session ended', async () => {
    mockApi({ 'GET /api/me': () => jsonResponse(200, me) });
    await useAuthStore.getState().load();
    mockApi({ 'GET /api/me': () => errorResponse(401, 'UNAUTHENTICATED', 'Sign in to continue.') });
    await useAuthStore.getState().load();
    expect(useAuthStore.getState().state).toEqual({ status: 'anonymous' });

    offline();
    await useAuthStore.getState().load();
    expect(useAuthStore.getState().state.status).toBe('error');
  });
});
