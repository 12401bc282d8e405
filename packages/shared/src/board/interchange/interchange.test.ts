import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CARD_FIELD_NAMES, DEFAULT_CARD_FIELDS } from '../card-fields.ts';
import { addCard, addLane, addStage, setEmotion, updateCard, updateStage } from '../ops.ts';
import { readBoard } from '../state.ts';
import { applyTemplate, TEMPLATE_IDS } from '../templates.ts';
import { boardToMapFile } from './board-to-map-file.ts';
import { ZMapFileV1 } from './map-file.ts';
import { readMapFile } from './read-map-file.ts';
import { sheetsToMapFile } from './map-file-from-sheets.ts';
import { mapFileToSheets } from './sheets-from-map-file.ts';
import type { Sheet } from './tabular-sheets.ts';
import { arbitraryMapFile, canonicalBoard, throughBoard } from './testing/arbitrary-map-file.ts';

const csvLike = (sheets: Sheet[]): Sheet[] =>
  // What a spreadsheet gives back: every cell as text.
  sheets.map((sheet) => ({ ...sheet, rows: sheet.rows.map((row) => row.map(String)) }));

describe('map file', () => {
  it('round-trips any board through JSON: export → import gives back the same board', () => {
    fc.assert(
      fc.property(arbitraryMapFile, (file) => {
        const exported = throughBoard(file);
        const reading = readMapFile(JSON.parse(JSON.stringify(exported)));
        if (!reading.ok) throw new Error(reading.problems.join('\n'));
        expect(canonicalBoard(throughBoard(reading.file))).toEqual(canonicalBoard(file));
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips any board through sheets (the cells of the XLSX and CSV exports)', () => {
    fc.assert(
      fc.property(arbitraryMapFile, (file) => {
        const reading = sheetsToMapFile(csvLike(mapFileToSheets(throughBoard(file))), 'x');
        if (!reading.ok) throw new Error(reading.problems.join('\n'));
        expect(canonicalBoard(throughBoard(reading.file))).toEqual(canonicalBoard(file));
        // Its own export is read without a second guess: nothing left out, no row placed by name.
        expect(reading.warnings).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('exports every board the operations can make as a file it takes back: each text at its longest', () => {
    const doc = new Y.Doc();
    const long = 'é'.repeat(10_000);
    const stageId = addStage(doc, { title: long });
    updateStage(doc, stageId, { description: long });
    const laneId = addLane(doc, { title: long, kind: 'touchpoint' });
    const emotionLaneId = addLane(doc, { title: long, kind: 'emotion' });
    const cardId = addCard(doc, { stageId, laneId, text: long })!;
    const textFields = CARD_FIELD_NAMES.filter((name) => DEFAULT_CARD_FIELDS[name] === '');
    updateCard(doc, cardId, Object.fromEntries(textFields.map((name) => [name, long])));
    setEmotion(doc, { stageId, laneId: emotionLaneId, score: 1, note: long });

    const file = boardToMapFile(readBoard(doc), { title: 'T', description: '' });
    const card = file.cards[0]!;
    // Each text is there, cut to what the board keeps.
    expect(card.text.length).toBeGreaterThanOrEqual(1000);
    for (const name of textFields) expect(card.fields[name]).toMatch(/^é+$/);
    const reading = readMapFile(JSON.parse(JSON.stringify(file)));
    expect(reading.ok ? [] : reading.problems).toEqual([]);
  });

  it.each(TEMPLATE_IDS)('exports the %s template as a valid file', (id) => {
    const doc = new Y.Doc();
    applyTemplate(doc, id);
    const file = boardToMapFile(readBoard(doc), { title: 'T', description: '' });
    expect(ZMapFileV1.safeParse(file).success).toBe(true);
  });
});
