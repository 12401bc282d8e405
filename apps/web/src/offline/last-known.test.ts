import type { TJourneyMap, TMeResponse } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import {
  actorKey,
  createLastKnown,
  isNetworkError,
  MAX_REMEMBERED_MAPS,
  type OfflineStorage,
} from './last-known.ts';

function memoryStorage(): OfflineStorage & { keys(): string[] } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    keys: () => [...items.keys()],
  };
}

const user = (id: string): TMeResponse => ({
  kind: 'user',
  user: { id, email: `${id}@example.test`, name: id },
  workspaces: [{ id: `ws-${id}`, name: 'Personal', personal: true, role: 'owner' }],
});
const guest: TMeResponse = { kind: 'guest', guest: { id: 'g1', name: 'Gus', mapId: 'm1' } };

const map = (id: string, title = `Map ${id}`): TJourneyMap => ({
  id,
  title,
  description: '',
  createdAt: '2025-03-01T09:00:00.000Z',
  updatedAt: '2025-03-01T09:00:00.000Z',
  workspaceId: 'ws-a',
  capabilities: ['map.read', 'map.rename'],
});

describe('lastKnown', () => {
  it('lists an account’s maps, most recently opened first, and no one else’s', () => {
    const storage = memoryStorage();
    const known = createLastKnown(() => storage);
    known.rememberMap(user('a'), map('m1'));
    known.rememberMap(user('a'), map('m2'));
    known.rememberMap(user('a'), map('m1', 'Opened again'));
    expect(known.maps(user('a')).map(({ id, title }) => [id, title])).toEqual([
      ['m1', 'Opened again'],
      ['m2', 'Map m2'],
    ]);
    expect(known.maps(user('b'))).toEqual([]);
  });

  it('gives back what the same account saw last', () => {
    const storage = memoryStorage();
    const known = createLastKnown(() => storage);
    expect(known.me()).toBeNull();

    known.rememberMe(user('a'));
    known.rememberMap(user('a'), map('m1'));
    known.rememberMap(user('a'), map('m1', 'Renamed'));
    expect(known.me()).toEqual(user('a'));
    expect(known.map(user('a'), 'm1')?.title).toBe('Renamed');
    expect(known.map(user('a'), 'm2')).toBeNull();
  });

  it('never shows one account’s maps to another', () => {
    const storage = memoryStorage();
    const known = createLastKnown(() => storage);
    known.rememberMe(user('a'));
    known.rememberMap(user('a'), map('m1'));

    expect(known.map(user('b'), 'm1')).toBeNull();
    expect(known.map(guest, 'm1')).toBeNull();
    // Another account signing in on this browser drops the previous one's maps.
    known.rememberMe(user('b'));
    expect(known.map(user('a'), 'm1')).toBeNull();
    known.rememberMap(user('b'), map('m2'));
    expect(known.map(user('b'), 'm2')).not.toBeNull();
  });

  it('forgets everything on sign-out, and one map when it is gone', () => {
    const storage = memoryStorage();
    const known = createLastKnown(() => storage);
    known.rememberMe(user('a'));
    known.rememberMap(user('a'), map('m1'));
    known.rememberMap(user('a'), map('m2'));

    known.forgetMap('m1');
    expect(known.map(user('a'), 'm1')).toBeNull();
    expect(known.map(user('a'), 'm2')).not.toBeNull();

    known.forgetAll();
    expect(known.me()).toBeNull();
    expect(known.map(user('a'), 'm2')).toBeNull();
    expect(storage.keys()).toEqual([]);
  });

  it('keeps the most recent maps only', () => {
    const storage = memoryStorage();
    const known = createLastKnown(() => storage);
    for (let index = 0; index <= MAX_REMEMBERED_MAPS; index += 1) {
      known.rememberMap(user('a'), map(`m${index}`));
    }
    expect(known.map(user('a'), 'm0')).toBeNull();
    expect(known.map(user('a'), `m${MAX_REMEMBERED_MAPS}`)).not.toBeNull();
  });

  it('treats damaged or missing storage as nothing remembered', () => {
    const storage = memoryStorage();
    storage.setItem('journeyboard.offline.me', '{not json');
    storage.setItem('journeyboard.offline.maps', JSON.stringify({ owner: 'user:a', maps: [1] }));
    const known = createLastKnown(() => storage);
    expect(known.me()).toBeNull();
    expect(known.map(user('a'), 'm1')).toBeNull();

    const throwing = createLastKnown(() => {
      throw new Error('SecurityError');
    });
    expect(() => throwing.rememberMe(user('a'))).not.toThrow();
    expect(throwing.me()).toBeNull();
  });

  it('knows whose data it is, and which failures mean “no network”', () => {
    expect(actorKey(user('a'))).toBe('user:a');
    expect(actorKey(guest)).toBe('guest:g1');
    expect(isNetworkError(new ApiError('NETWORK_ERROR', 'offline', 0))).toBe(true);
    expect(isNetworkError(new ApiError('UNAUTHENTICATED', 'no', 401))).toBe(false);
    expect(isNetworkError(new Error('boom'))).toBe(false);
  });
});
