import { describe, expect, it } from 'vitest';
import { initials } from './initials.ts';

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Gabi from Support')).toBe('GS');
    expect(initials('ana')).toBe('A');
    expect(initials('  Élodie   Ñúñez ')).toBe('ÉÑ');
  });

  it('skips words that start with punctuation or a digit', () => {
    expect(initials('Viewer (link)')).toBe('V');
    expect(initials('(guest) 42')).toBe('?');
  });
});
