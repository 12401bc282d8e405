import type { TMember } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { mentionQueryAt, suggestMembers } from './mention-query.ts';

const member = (name: string): TMember => ({
  userId: name,
  email: `${name}@example.test`,
  name,
  role: 'editor',
});
const members = [member('Fran Facilitator'), member('Alice Owner'), member('Frank Ocean')];

describe('mentionQueryAt', () => {
  it('finds the "@…" before the caret, spaces and all', () => {
    const text = 'Hi @Fran Fa';
    expect(mentionQueryAt(text, text.length)).toEqual({ start: 3, end: 11, text: 'Fran Fa' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, end: 1, text: '' });
  });

  it('is not a mention after a line break, inside an email address or right after "@ "', () => {
    expect(mentionQueryAt('@Fran\nthanks', 12)).toBeNull();
    expect(mentionQueryAt('mail fran@exa', 13)).toBeNull();
    expect(mentionQueryAt('a @ b', 5)).toBeNull();
    expect(mentionQueryAt('no at sign', 10)).toBeNull();
  });
});

describe('suggestMembers', () => {
  it('offers names starting with the query first, then names with a word starting with it', () => {
    expect(suggestMembers(members, 'fr').map((m) => m.name)).toEqual([
      'Fran Facilitator',
      'Frank Ocean',
    ]);
    expect(suggestMembers(members, 'o').map((m) => m.name)).toEqual(['Alice Owner', 'Frank Ocean']);
    expect(suggestMembers(members, 'Fran F').map((m) => m.name)).toEqual(['Fran Facilitator']);
    expect(suggestMembers(members, '')).toHaveLength(3);
  });
});
