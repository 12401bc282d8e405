import { describe, expect, it } from 'vitest';
import { readMapFile } from './read-map-file.ts';
import { sheetsToMapFile, type Sheet } from './tabular.ts';

const csv = (...rows: string[][]): Sheet[] => [{ name: 'cards', rows }];

describe('reading sheets', () => {
  it('builds stages and lanes from a forgiving sheet with just stage, lane and text', () => {
    const reading = sheetsToMapFile(
      csv(
        ['stage', 'LANE', 'Text'],
        ['Discover', 'Pain points', 'Too many steps'],
        ['Buy', 'Ideas', 'One-click'],
        ['Discover', 'Ideas', ''],
        ['', '', ''],
      ),
      'From a sheet',
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.file.map.title).toBe('From a sheet');
    expect(reading.file.stages.map((stage) => stage.title)).toEqual(['Discover', 'Buy']);
    expect(reading.file.lanes.map((lane) => [lane.title, lane.kind])).toEqual([
      ['Pain points', 'pain'],
      ['Ideas', 'notes'],
    ]);
    expect(reading.file.cards.map((card) => card.text)).toEqual([
      'Too many steps',
      'One-click',
      '',
    ]);
  });

  it('names the row and the column of a bad value', () => {
    const rows = [['Stage', 'Lane', 'Kind', 'Text', 'Severity']];
    for (let i = 0; i < 12; i += 1) rows.push(['A', 'Pains', 'pain', `card ${i}`, 'low']);
    rows.push(['A', 'Pains', 'pain', 'bad', 'urgent']);
    const reading = sheetsToMapFile(csv(...rows), 'x');
    expect(reading).toEqual({
      ok: false,
      problems: ["row 14: severity 'urgent' is not one of low, medium, high."],
    });
  });

  it('names the sheet when a workbook has several, and refuses cards in an emotion lane', () => {
    const reading = sheetsToMapFile(
      [
        {
          name: 'Cards',
          rows: [
            ['Stage #', 'Lane #', 'Text'],
            [1, 1, 'x'],
            [3, 1, 'y'],
          ],
        },
        {
          name: 'Stages',
          rows: [
            ['#', 'Title'],
            [1, 'Only'],
          ],
        },
        {
          name: 'Lanes',
          rows: [
            ['#', 'Title', 'Kind'],
            [1, 'Feelings', 'emotion'],
          ],
        },
      ],
      'x',
    );
    expect(reading.ok ? [] : reading.problems).toEqual([
      "Cards row 2: lane 'Feelings' is an emotion lane; its scores go on the Emotions sheet.",
      "Cards row 3: stage # '3' is not a stage number from 1 to 1.",
      "Cards row 3: lane 'Feelings' is an emotion lane; its scores go on the Emotions sheet.",
    ]);
  });

  it('says which columns a cards sheet lacks', () => {
    const reading = sheetsToMapFile(csv(['Stage', 'Words'], ['a', 'b']), 'x');
    expect(reading).toEqual({
      ok: false,
      problems: ['The cards sheet needs these columns in its first row: Lane, Text.'],
    });
  });
});

describe('reading JSON', () => {
  it('refuses a newer version and a foreign file with a sentence', () => {
    expect(readMapFile({ format: 'journeyboard-map', version: 9 })).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('version 9')],
    });
    expect(readMapFile([])).toMatchObject({ ok: false });
  });

  it('names the card of a bad field and a dangling lane', () => {
    const file = (cards: unknown[]) => ({
      format: 'journeyboard-map',
      version: 1,
      map: { title: 'T' },
      stages: [{ id: 's', title: 'S' }],
      lanes: [{ id: 'l', title: 'L', kind: 'pain' }],
      cards,
    });
    const ok = { stage: 's', lane: 'l', text: 'ok', fields: { severity: 3 } };
    expect(readMapFile(file([ok, { stage: 's', lane: 'nope', text: 'x' }]))).toEqual({
      ok: false,
      problems: ["Card 2: there is no lane 'nope'."],
    });
    const reading = readMapFile(file([ok, ok, { ...ok, fields: { severity: 7 } }]));
    expect(reading.ok ? [] : reading.problems).toEqual([
      expect.stringMatching(/^card 3, severity: /),
    ]);
  });
});
