import { describe, expect, it } from 'vitest';
import { mentionedInText } from './mention-names.ts';

const fran = { id: 'fran', name: 'Fran' };
const franF = { id: 'fran-f', name: 'Fran Facilitator' };
const frank = { id: 'frank', name: 'Frank' };
const people = [fran, franF, frank];

describe('mentionedInText', () => {
  it('finds a typed "@Full Name", whatever its case, once', () => {
    expect(mentionedInText('@Fran Facilitator can you check? @fran facilitator', people)).toEqual([
      'fran-f',
    ]);
  });

  it('takes the longest name, and a short name only where its word ends', () => {
    expect(mentionedInText('@Fran Facilitator and @Fran, not @Franky', people)).toEqual([
      'fran-f',
      'fran',
    ]);
    expect(mentionedInText('ask @Frank.', people)).toEqual(['frank']);
  });

  it('ignores an @ inside a word, people who are not listed and an @ alone', () => {
    expect(mentionedInText('mail fran@Fran.io or @Zoe or @ or @', people)).toEqual([]);
  });

  it('mentions nobody by a name two people share', () => {
    const twins = [
      { id: 'a', name: 'Alex Kim' },
      { id: 'b', name: 'alex kim' },
      { id: 'c', name: 'Alex' },
    ];
    expect(mentionedInText('@Alex Kim', twins)).toEqual([]);
    expect(mentionedInText('@Alex', twins)).toEqual(['c']);
  });
});
