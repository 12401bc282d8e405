import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../state.ts';
import { applyTemplate } from '../templates.ts';
import { boardToMapFile } from './board-to-map-file.ts';
import type { MapFile } from './map-file.ts';
import { readMapFile, type MapFileReading } from './read-map-file.ts';
import { sheetsToMapFile } from './map-file-from-sheets.ts';
import { mapFileToSheets } from './sheets-from-map-file.ts';
import type { Cell, Sheet } from './tabular-sheets.ts';

const csv = (...rows: string[][]): Sheet[] => [{ name: 'cards', rows }];

/** The SaaS onboarding template as the app exports it, every cell as text (as a CSV gives it back). */
function exportedSheets(): Sheet[] {
  const doc = new Y.Doc();
  applyTemplate(doc, 'saas-onboarding');
  const file = boardToMapFile(readBoard(doc), { title: 'Onboarding', description: '' });
  doc.destroy();
  return mapFileToSheets(file).map((sheet) => ({
    ...sheet,
    rows: sheet.rows.map((row) => row.map(String)),
  }));
}

/** The sheets with one of them changed, as a person would in a spreadsheet. */
function editSheet(
  sheets: readonly Sheet[],
  name: string,
  edit: (rows: Cell[][]) => Cell[][],
): Sheet[] {
  return sheets.map((sheet) =>
    sheet.name === name ? { ...sheet, rows: edit(sheet.rows.map((row) => [...row])) } : sheet,
  );
}

function fileOf(reading: MapFileReading): MapFile {
  if (!reading.ok) throw new Error(reading.problems.join('\n'));
  return reading.file;
}

/** Where each card and score is, by titles: what a person sees on the board. */
function placed(file: MapFile) {
  const stage = (id: string) => file.stages.find((item) => item.id === id)?.title;
  const lane = (id: string) => file.lanes.find((item) => item.id === id)?.title;
  return {
    cards: file.cards.map((card) => `${stage(card.stage)} / ${lane(card.lane)}: ${card.text}`),
    emotions: file.emotions.map(
      (emotion) => `${stage(emotion.stage)} / ${lane(emotion.lane)}: ${emotion.score}`,
    ),
  };
}

describe('writing sheets', () => {
  it('writes a metric’s plain-number current and target as numbers, anything else as typed text', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'saas-onboarding');
    const file = boardToMapFile(readBoard(doc), { title: 'Onboarding', description: '' });
    doc.destroy();
    const metricCard = file.cards.find((card) => card.text === 'Visitors who start a trial')!;
    const fields = metricCard.fields as Record<string, unknown>;
    const cardsSheet = (current: string) => {
      fields.metricCurrent = current;
      const rows = mapFileToSheets(file).find((sheet) => sheet.name === 'Cards')!.rows;
      const column = (header: string) => rows[0]!.indexOf(header);
      const row = rows.find((cells) => cells.includes('Visitors who start a trial'))!;
      return { current: row[column('Current')], target: row[column('Target')] };
    };
    expect(cardsSheet('3.1')).toEqual({ current: 3.1, target: 4 });
    // Text that would not read back the same stays text.
    expect(cardsSheet('3.10').current).toBe('3.10');
    expect(cardsSheet('~30').current).toBe('~30');
    expect(cardsSheet('').current).toBe('');
  });

  it('leaves out "Added by" unless a card has an author (a brainstorm revealed with names)', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'saas-onboarding');
    const file = boardToMapFile(readBoard(doc), { title: 'Onboarding', description: '' });
    doc.destroy();
    const headers = () => mapFileToSheets(file).find((sheet) => sheet.name === 'Cards')!.rows[0]!;
    expect(headers()).not.toContain('Added by');
    expect(headers()).toContain('Sources');

    const card = file.cards[0]!;
    (card.fields as Record<string, unknown>).addedBy = 'Gabi from Support';
    const rows = mapFileToSheets(file).find((sheet) => sheet.name === 'Cards')!.rows;
    const column = rows[0]!.indexOf('Added by');
    expect(rows.find((row) => row.includes(card.text))![column]).toBe('Gabi from Support');
    const readBack = fileOf(sheetsToMapFile(mapFileToSheets(file), 'Onboarding'));
    expect(readBack.cards.find((c) => c.text === card.text)!.fields).toMatchObject({
      addedBy: 'Gabi from Support',
    });
  });
});

describe('reading sheets', () => {
  it('builds stages and lanes from a forgiving sheet with just stage, lane and text', () => {
    const reading = sheetsToMapFile(
      csv(
        ['stage', 'LANE', 'Text'],
        ['Discover', 'Pain points', 'Too many steps'],
        ['Buy', 'Ideas', 'One-click'],
        ['Discover', 'Ideas', ''],
        ['', '', ''],
        // A lane's kind from its title as teams write it: whose it is doesn't matter.
        ['Buy', 'Customer actions', 'Compares plans'],
        ['Buy', "User's thoughts", 'Is it worth it?'],
        ['Buy', 'KPIs', 'Conversion'],
        ['Buy', 'Remarks', 'Ask sales'],
      ),
      'From a sheet',
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.file.map.title).toBe('From a sheet');
    expect(reading.file.stages.map((stage) => stage.title)).toEqual(['Discover', 'Buy']);
    expect(reading.file.lanes.map((lane) => [lane.title, lane.kind])).toEqual([
      ['Pain points', 'pain'],
      ['Ideas', 'opportunity'],
      ['Customer actions', 'action'],
      ["User's thoughts", 'thought'],
      ['KPIs', 'metric'],
      ['Remarks', 'notes'],
    ]);
    expect(reading.file.cards.map((card) => card.text)).toEqual([
      'Too many steps',
      'One-click',
      '',
      'Compares plans',
      'Is it worth it?',
      'Conversion',
      'Ask sales',
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
      "Cards rows 2, 3: lane 'Feelings' is an emotion lane; its scores go on the Emotions sheet.",
      'Cards row 3: stage #3 is not in the Stages sheet (it lists 1).',
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

describe('reading an exported map that a person edited in a spreadsheet', () => {
  const exported = exportedSheets();
  const original = fileOf(sheetsToMapFile(exported, 'x'));

  it('finds a row’s stage and lane by the # in their sheets, not by their row', () => {
    const withNewRows = editSheet(
      editSheet(exported, 'Stages', (rows) => [
        ...rows.slice(0, 2),
        [7, 'Research', '', ''],
        ...rows.slice(2),
      ]),
      'Lanes',
      (rows) => [...rows.slice(0, 2), [9, 'Quotes', 'notes', ''], ...rows.slice(2)],
    );
    const reading = sheetsToMapFile(withNewRows, 'x');
    const file = fileOf(reading);
    // The board's order is the sheet's order: what the person sees there.
    expect(file.stages.map((stage) => stage.title)).toEqual([
      'Sign-up',
      'Research',
      'First login',
      'Setup',
      'Invite team',
      'First value',
      'Upgrade',
    ]);
    expect(file.lanes.map((lane) => lane.title).slice(0, 3)).toEqual([
      'Touchpoints',
      'Quotes',
      'Customer actions',
    ]);
    expect(placed(file)).toEqual(placed(original));
    expect(reading.ok && reading.warnings).toEqual([]);
  });

  it('puts a card where its renamed Stage says, and says so', () => {
    const renamed = editSheet(exported, 'Cards', (rows) =>
      rows.map((row) =>
        row[5] === 'Verification email' ? [1, 'First login', ...row.slice(2)] : row,
      ),
    );
    const reading = sheetsToMapFile(renamed, 'x');
    expect(placed(fileOf(reading)).cards).toContain(
      'First login / Touchpoints: Verification email',
    );
    expect(reading.ok && reading.warnings).toEqual([
      "Cards row 3: went to stage 'First login' by its name; stage #1 in the Stages sheet is 'Sign-up'.",
    ]);
  });

  it('follows the number when a stage was renamed only on the Stages sheet', () => {
    const renamed = editSheet(exported, 'Stages', (rows) =>
      rows.map((row) => (row[1] === 'Sign-up' ? [row[0]!, 'Register', ...row.slice(2)] : row)),
    );
    const reading = sheetsToMapFile(renamed, 'x');
    expect(placed(fileOf(reading)).cards.slice(0, 6)).toEqual(
      placed(original)
        .cards.slice(0, 6)
        .map((card) => card.replace('Sign-up', 'Register')),
    );
    expect(reading.ok && reading.warnings).toEqual([
      "Cards rows 2–7: stage 'Sign-up' is not in the Stages sheet, so stage #1 ('Register') was used.",
      "Emotions row 2: stage 'Sign-up' is not in the Stages sheet, so stage #1 ('Register') was used.",
    ]);
  });

  it('blames the Stages sheet for a stage row that is gone, naming the card rows once', () => {
    const withoutUpgrade = editSheet(exported, 'Stages', (rows) => rows.slice(0, -1));
    expect(sheetsToMapFile(withoutUpgrade, 'x')).toEqual({
      ok: false,
      problems: [
        "Cards rows 29–35: stage #6 is not in the Stages sheet (it lists 1–5), and no stage there is called 'Upgrade'.",
        "Emotions row 7: stage #6 is not in the Stages sheet (it lists 1–5), and no stage there is called 'Upgrade'.",
      ],
    });
  });

  it('names the rows of a # used twice or left empty in the Stages sheet', () => {
    const misnumbered = editSheet(exported, 'Stages', (rows) =>
      rows.map((row, index) =>
        index === 3 ? [1, ...row.slice(1)] : index === 5 ? ['', ...row.slice(1)] : row,
      ),
    );
    const reading = sheetsToMapFile(misnumbered, 'x');
    expect(reading.ok ? [] : reading.problems).toEqual([
      "Stages row 4: #1 is also the number of row 2 ('Sign-up'): give each stage a number of its own.",
      "Stages row 6: the # is empty: give each stage a number of its own (a card's Stage # refers to it).",
      // The cards that named those numbers find their stages by name: only the sheet is wrong.
    ]);
  });

  it('asks which stage a row means when its number and its name point to different ones', () => {
    const twins = editSheet(
      editSheet(exported, 'Stages', (rows) =>
        rows.map((row) => (row[1] === 'Invite team' ? [row[0]!, 'Setup', ...row.slice(2)] : row)),
      ),
      'Cards',
      (rows) =>
        rows.map((row) =>
          row[5] === 'Welcome checklist in the app' ? [2, 'Setup', ...row.slice(2)] : row,
        ),
    );
    const reading = sheetsToMapFile(twins, 'x');
    expect(reading.ok ? [] : reading.problems).toEqual([
      "Cards row 8: stage #2 is 'First login' in the Stages sheet, but 'Setup' is the title of stages #3 and #4: make the row's stage # and stage agree.",
    ]);
  });

  it('reads the exported Cards sheet on its own: stages and lanes from their names, in the numbers’ order', () => {
    const cards = exported.filter((sheet) => sheet.name === 'Cards');
    const file = fileOf(sheetsToMapFile(cards, 'x'));
    expect(file.stages.map((stage) => stage.title)).toEqual(
      original.stages.map((stage) => stage.title),
    );
    // Every lane but the emotion curve (it has no cards), in the export's order, each of its kind.
    expect(file.lanes.map((lane) => [lane.title, lane.kind])).toEqual(
      original.lanes
        .filter((lane) => lane.kind !== 'emotion')
        .map((lane) => [lane.title, lane.kind]),
    );
    expect(placed(file).cards).toEqual(placed(original).cards);
  });

  it('says which columns and sheets it left out, without refusing the file', () => {
    const extra = editSheet(
      [...exported, { name: 'Summary', rows: [['Notes'], ['Done in the workshop']] }],
      'Cards',
      (rows) =>
        rows.map((row, index) => [
          ...row,
          index === 0 ? 'Owner email' : 'a@b.c',
          index === 0 ? 'Priority' : '1',
        ]),
    );
    const reading = sheetsToMapFile(extra, 'x');
    expect(placed(fileOf(reading))).toEqual(placed(original));
    expect(reading.ok && reading.warnings).toEqual([
      "Cards: the columns 'Owner email', 'Priority' are not Journeyboard columns and were left out.",
      "The sheet 'Summary' is not a Journeyboard sheet and was left out.",
    ]);
  });
});

describe('reading emotion scores from a simple sheet', () => {
  it('makes a lane titled like an emotion curve into one, each row’s text its stage’s score', () => {
    const reading = sheetsToMapFile(
      csv(
        ['Stage', 'Lane', 'Text'],
        ['Discover', 'Pain points', 'Too many steps'],
        ['Discover', 'Emotions', '-1'],
        ['Buy', 'Emotions', '+2'],
        ['Buy', 'Feelings', '0'],
      ),
      'x',
    );
    const file = fileOf(reading);
    expect(file.lanes.map((lane) => [lane.title, lane.kind])).toEqual([
      ['Pain points', 'pain'],
      ['Emotions', 'emotion'],
      ['Feelings', 'emotion'],
    ]);
    expect(placed(file)).toEqual({
      cards: ['Discover / Pain points: Too many steps'],
      emotions: ['Discover / Emotions: -1', 'Buy / Emotions: 2', 'Buy / Feelings: 0'],
    });
  });

  it('says what is wrong with a score that is not one', () => {
    const reading = sheetsToMapFile(
      csv(
        ['Stage', 'Lane', 'Text'],
        ['Discover', 'Emotional curve', 'Happy'],
        ['Buy', 'Emotional curve', '3'],
        ['Buy', 'Emotional curve', '1'],
        ['Buy', 'Emotional curve', '2'],
      ),
      'x',
    );
    expect(reading.ok ? [] : reading.problems).toEqual([
      "row 2: lane 'Emotional curve' is an emotion curve, so its text should be a score from -2 to +2, not 'Happy'.",
      "row 3: lane 'Emotional curve' is an emotion curve, so its text should be a score from -2 to +2, not '3'.",
      "row 5: stage 'Buy' already has a score in lane 'Emotional curve' (row 4).",
    ]);
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
