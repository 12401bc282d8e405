import { describe, expect, it } from 'vitest';
import type { MapChange } from './activity.ts';
import { describeActivity, describeChange, quoteCard } from './activity-text.ts';
import type { BoardChange } from './diff.ts';

describe('quoteCard', () => {
  it('puts a card’s text in quotes, cut at 40 characters', () => {
    expect(quoteCard('Verification email')).toBe('“Verification email”');
    expect(quoteCard('Compares three plans on the pricing page, twice')).toBe(
      '“Compares three plans on the pricing pag…”',
    );
  });

  it('leaves a card that is a quotation its own marks, one pair in all', () => {
    expect(quoteCard('“Where do I even begin?”')).toBe('“Where do I even begin?”');
    expect(quoteCard('"Will this work with the tools we already use?"')).toBe(
      '"Will this work with the tools we alrea…”',
    );
  });

  it('names an empty card without quotes', () => {
    expect(quoteCard('  ')).toBe('an empty card');
  });
});

describe('describeChange of a card’s text', () => {
  const names = { stage: () => 'Setup', lane: () => 'Pain points' };
  const edit = (from: string, to: string) =>
    describeChange({ kind: 'card.text', cardId: 'c1', from, to } as BoardChange, names);

  it('quotes both from the start when that shows the change', () => {
    expect(edit('Verification email', 'Verification email (twice)')).toBe(
      'edited “Verification email” to “Verification email (twice)”',
    );
  });

  it('quotes both from just before they differ when the start would cut it off', () => {
    // Both read "“[P1] Invitees land in the wrong workspa…”" before.
    expect(
      edit(
        '[P1] Invitees land in the wrong workspace',
        '[P1] Invitees land in the wrong workspace after signing in with SSO',
      ),
    ).toBe('edited “…wrong workspace” to “…wrong workspace after signing in with…”');
  });
});

describe('describeChange of a card field', () => {
  const names = { stage: () => 'Setup', lane: () => 'Pain points' };
  const field = (name: string, from: unknown, to: unknown) =>
    describeChange(
      {
        kind: 'card.field',
        cardId: 'c1',
        cell: { stageId: 's1', laneId: 'l1' },
        text: 'CRM connection needs admin rights',
        field: name,
        from,
        to,
      } as BoardChange,
      names,
    );

  it('spells a choice as the board and the exports do, never its stored value', () => {
    expect(field('severity', 2, 3)).toBe(
      'set the severity of “CRM connection needs admin rights” to high',
    );
    expect(field('impact', null, 1)).toBe(
      'set the impact of “CRM connection needs admin rights” to low',
    );
    expect(field('channel', null, 'email')).toBe(
      'set the channel of “CRM connection needs admin rights” to email',
    );
    expect(field('evidence', null, 'observed')).toBe(
      'set the evidence of “CRM connection needs admin rights” to observed',
    );
  });

  it('says a field was cleared rather than set to nothing', () => {
    expect(field('severity', 3, null)).toBe(
      'cleared the severity of “CRM connection needs admin rights”',
    );
    expect(field('color', 'red', 'none')).toBe(
      'cleared the colour of “CRM connection needs admin rights”',
    );
    expect(field('color', 'none', 'red')).toBe(
      'set the colour of “CRM connection needs admin rights” to red',
    );
  });

  it('marks and unmarks a moment of truth in words', () => {
    expect(field('momentOfTruth', false, true)).toBe(
      'marked “CRM connection needs admin rights” as a moment of truth',
    );
    expect(field('momentOfTruth', true, false)).toBe(
      'unmarked “CRM connection needs admin rights” as a moment of truth',
    );
  });

  it('keeps a short text field as it was typed', () => {
    expect(field('owner', '', 'Platform team')).toBe(
      'set the owner of “CRM connection needs admin rights” to Platform team',
    );
    expect(field('metricCurrent', '', '42')).toBe(
      'set the current value of “CRM connection needs admin rights” to 42',
    );
  });
});

describe('describeChange of an emotion score', () => {
  const names = { stage: () => 'Setup', lane: () => 'Emotions' };
  const emotion = (from: number | null, to: number | null, note = '') =>
    describeChange(
      {
        kind: 'emotion.changed',
        stageId: 's1',
        laneId: 'l1',
        from: from === null ? null : { score: from, note: '' },
        to: to === null ? null : { score: to, note },
      },
      names,
    );

  it('says what a changed score was as well as what it is', () => {
    expect(emotion(null, -2)).toBe('set Setup’s emotion to −2');
    expect(emotion(1, -1)).toBe('changed Setup’s emotion from +1 to −1');
    expect(emotion(1, null)).toBe('cleared Setup’s emotion');
    expect(emotion(1, 1, 'Frustrated by the wait')).toBe('edited the note on Setup’s emotion');
  });
});

describe('describeActivity of the map’s own changes', () => {
  const names = { stage: () => undefined, lane: () => undefined };
  const say = (change: MapChange) => describeActivity('Ana', [change], names);

  it('says what became of the name and the description', () => {
    expect(say({ kind: 'map.renamed', from: 'Onboarding', to: 'Onboarding v2' })).toBe(
      'Ana renamed the map from “Onboarding” to “Onboarding v2”',
    );
    expect(say({ kind: 'map.described', from: '', to: 'After the interviews' })).toBe(
      'Ana described the map',
    );
    expect(say({ kind: 'map.described', from: 'Draft', to: 'After the interviews' })).toBe(
      'Ana changed the map’s description',
    );
    expect(say({ kind: 'map.described', from: 'Draft', to: '' })).toBe(
      'Ana cleared the map’s description',
    );
  });

  it('names the version a restore brought back, and says when it undid or redid one', () => {
    const restored = { kind: 'version.restored', versionId: 'v1', version: 'Before Q3' } as const;
    expect(say({ ...restored, step: 'restore' })).toBe('Ana restored the version “Before Q3”');
    expect(say({ ...restored, version: 'Before a restore', step: 'undo' })).toBe(
      'Ana undid a restore (brought back the board as it was before it)',
    );
    expect(say({ ...restored, version: 'Before an undo', step: 'redo' })).toBe(
      'Ana redid a restore (brought back the board as it was before the undo)',
    );
  });
});
