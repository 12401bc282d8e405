import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { ConnectionAccess } from './access.ts';
import { SharedAccesses } from './shared-accesses.ts';

/** A member's access as access.ts builds it: a fresh object every time. */
function memberAccess(overrides: Partial<ConnectionAccess> = {}): ConnectionAccess {
  return {
    capabilities: ['map.read', 'board.edit'],
    identity: { id: 'u1', name: 'Ada', color: '#2563eb', role: 'editor', kind: 'member' },
    grants: ['session:s1', 'member:w1:u1'],
    expiresAt: null,
    ...overrides,
  };
}

describe('SharedAccesses', () => {
  it('hands equal accesses one record', () => {
    const accesses = new SharedAccesses();
    const first = accesses.share(memberAccess());
    expect(accesses.share(memberAccess())).toBe(first);
    expect(accesses.size).toBe(1);
  });

  it('freezes a shared record, so no connection can change it under another', () => {
    const shared = new SharedAccesses().share(memberAccess());
    expect(Object.isFrozen(shared)).toBe(true);
    expect(Object.isFrozen(shared.identity)).toBe(true);
    expect(Object.isFrozen(shared.grants)).toBe(true);
  });

  it('never hands one person another person’s access, or another grant, role or expiry', () => {
    const accesses = new SharedAccesses();
    const first = accesses.share(memberAccess());
    const others = [
      memberAccess({
        identity: { id: 'u2', name: 'Ada', color: '#2563eb', role: 'editor', kind: 'member' },
      }),
      memberAccess({ grants: ['session:s2', 'member:w1:u1'] }),
      memberAccess({ capabilities: ['map.read'] }),
      memberAccess({ expiresAt: new Date('2027-01-01T00:00:00Z') }),
      memberAccess({ reconnectOnRevoke: true }),
    ];
    for (const other of others) expect(accesses.share(other)).toBe(other);
    expect(accesses.share(memberAccess())).toBe(first);
  });

  it('lets a record go once no connection holds it', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const accesses = new SharedAccesses();
    accesses.share(memberAccess());
    expect(accesses.size).toBe(1);
    // Finalisers run in a later turn than the collection that found the record dead.
    for (let attempt = 0; attempt < 50 && accesses.size > 0; attempt += 1) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(accesses.size).toBe(0);
  });
});
