import { describe, expect, it } from 'vitest';
import type { ConnectionAccess } from './access.ts';
import { limitReactions, type AwarenessRuleContext } from './awareness-rules.ts';

const PARTICIPANT: ConnectionAccess = { capabilities: ['map.read', 'workshop.participate'] };

function harness(access: ConnectionAccess = PARTICIPANT) {
  let clock = 0;
  const rule = limitReactions({ now: () => clock, minIntervalMs: 1000 });
  const context: AwarenessRuleContext = {
    access,
    boundClientId: 1,
    bind: () => undefined,
    claimOf: () => undefined,
    secretRound: false,
  };
  const send = (reaction: unknown, at: number) => {
    clock = at;
    const kept = rule(
      { clientId: 1, clock: at, state: { cursor: { x: 1, y: 2 }, reaction } },
      context,
    );
    return (kept?.state as { reaction?: unknown; cursor?: unknown } | null) ?? null;
  };
  return { send };
}

describe('limitReactions (the reaction presence field)', () => {
  it('passes the four kinds as { kind, seq } and nothing else rides along', () => {
    const { send } = harness();
    expect(send({ kind: 'heart', seq: 1, text: 'hello', html: '<b>' }, 0)).toEqual({
      cursor: { x: 1, y: 2 },
      reaction: { kind: 'heart', seq: 1 },
    });
  });

  it('turns anything but the four kinds into null, keeping the rest of the state', () => {
    for (const reaction of [
      'thumbs-up',
      { kind: 'party', seq: 1 },
      { kind: 'heart' },
      { kind: 'heart', seq: -1 },
      { kind: 'heart', seq: 1.5 },
      { kind: '👍', seq: 2 },
      [{ kind: 'heart', seq: 3 }],
    ]) {
      const { send } = harness();
      expect(send(reaction, 0)).toEqual({ cursor: { x: 1, y: 2 }, reaction: null });
    }
  });

  it('lets one new reaction through per interval; a refused one stays refused while its state repeats', () => {
    const { send } = harness();
    expect(send({ kind: 'heart', seq: 1 }, 0)?.reaction).toEqual({ kind: 'heart', seq: 1 });
    // The same reaction again (a cursor move while it shows) still passes.
    expect(send({ kind: 'heart', seq: 1 }, 500)?.reaction).toEqual({ kind: 'heart', seq: 1 });
    // A new one too soon is dropped, and stays dropped when repeated after the interval.
    expect(send({ kind: 'question', seq: 2 }, 600)?.reaction).toBeNull();
    expect(send({ kind: 'question', seq: 2 }, 1500)?.reaction).toBeNull();
    // The next new one after the interval passes.
    expect(send({ kind: 'surprised', seq: 3 }, 1600)?.reaction).toEqual({
      kind: 'surprised',
      seq: 3,
    });
    expect(send(null, 1700)?.reaction).toBeNull();
  });

  it('drops reactions from connections that may not take part (read-only links, viewers)', () => {
    const { send } = harness({ capabilities: ['map.read'] });
    expect(send({ kind: 'thumbs-up', seq: 1 }, 0)).toEqual({
      cursor: { x: 1, y: 2 },
      reaction: null,
    });
  });
});
