import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_FIELDS, normalizeCardField } from '../card-fields.ts';
import type { CardFields } from '../types.ts';
import {
  CARD_COLUMNS,
  LANE_COLORS,
  LANE_ICONS,
  LANE_KIND_DEFINITIONS,
  LANE_KIND_FIELDS,
  cardChips,
  laneKindColumns,
  type ColumnDefinition,
} from './index.ts';

/** Rows a kind's columns must survive: its samples, and its defaults. */
function rowsOf(kind: (typeof LANE_KIND_DEFINITIONS)[number]): Record<string, unknown>[] {
  if (kind.holds === 'emotions') return kind.samples.map((sample) => ({ note: '', ...sample }));
  return [
    { ...DEFAULT_CARD_FIELDS, text: '' },
    ...kind.samples.map((sample) => ({
      ...DEFAULT_CARD_FIELDS,
      color: 'green',
      momentOfTruth: true,
      evidence: 'reported',
      evidenceSources: 'Support tickets, March\nhttps://example.com/study',
      ...sample.fields,
      text: sample.text,
    })),
  ];
}

const roundTrip = (column: ColumnDefinition, value: unknown) => {
  const result = column.parse(column.format(value));
  return result.ok ? result.value : result.message;
};

describe.each(LANE_KIND_DEFINITIONS.map((kind) => [kind.kind, kind] as const))(
  'lane kind %s',
  (_, kind) => {
    it('is complete: names, icon, colour, samples', () => {
      expect(kind.label.trim()).not.toBe('');
      expect(kind.description.trim()).not.toBe('');
      expect(LANE_ICONS).toContain(kind.icon);
      expect(LANE_COLORS).toContain(kind.color);
      expect(kind.samples.length).toBeGreaterThan(0);
      if (kind.holds === 'cards') {
        expect(kind.cardLabel.trim()).not.toBe('');
        for (const field of kind.fields) {
          expect(field.label.trim()).not.toBe('');
          if (field.type === 'choice') expect(field.options.length).toBeGreaterThan(1);
        }
      }
    });

    it('starts new cards and samples with valid field values', () => {
      if (kind.holds !== 'cards') return;
      const values = [kind.newCard, ...kind.samples.map((sample) => sample.fields ?? {})];
      for (const fields of values) {
        for (const [name, value] of Object.entries(fields)) {
          expect(normalizeCardField(name as keyof CardFields, value)).toBe(value);
        }
      }
    });

    it('has chips that are plain text, and none for an empty card', () => {
      expect(cardChips(kind.kind, DEFAULT_CARD_FIELDS)).toEqual([]);
      if (kind.holds !== 'cards') return;
      for (const sample of kind.samples) {
        const chips = cardChips(kind.kind, { ...DEFAULT_CARD_FIELDS, ...sample.fields });
        for (const chip of chips) expect(chip.text.trim()).not.toBe('');
      }
    });

    it('exports columns that parse back to the same values', () => {
      const columns = laneKindColumns(kind.kind);
      const headers = columns.map((column) => column.header);
      expect(new Set(headers).size).toBe(headers.length);
      for (const row of rowsOf(kind)) {
        for (const column of columns) {
          expect(roundTrip(column, row[column.key]), column.header).toEqual(row[column.key]);
        }
      }
    });

    it('rejects a cell it cannot read with a message naming the column and the choices', () => {
      for (const column of laneKindColumns(kind.kind)) {
        // Longer than any field holds (sources, the longest, keep 1,000 characters).
        const result = column.parse('x'.repeat(1001));
        if (column.key === 'text') expect(result.ok).toBe(true);
        else expect(result).toMatchObject({ ok: false, message: expect.any(String) });
      }
    });
  },
);

describe('the registry', () => {
  it('gives every field one home: names are unique across kinds', () => {
    const names = LANE_KIND_FIELDS.map((field) => field.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(CARD_COLUMNS.map((column) => column.key)).not.toContain(name);
  });

  it('explains what is wrong with a cell', () => {
    const severity = laneKindColumns('pain').find((column) => column.key === 'severity')!;
    expect(severity.parse('urgent')).toEqual({
      ok: false,
      message: "severity 'urgent' is not one of low, medium, high",
    });
    expect(severity.parse(' High ')).toEqual({ ok: true, value: 3 });
    expect(severity.parse('')).toEqual({ ok: true, value: null });
    const score = laneKindColumns('emotion').find((column) => column.key === 'score')!;
    expect(score.parse('+3')).toEqual({
      ok: false,
      message: "score '+3' is not a whole number from -2 to +2",
    });
    expect(score.parse('-1')).toEqual({ ok: true, value: -1 });
    const evidence = CARD_COLUMNS.find((column) => column.key === 'evidence')!;
    expect(evidence.parse('guessed')).toEqual({
      ok: false,
      message: "evidence 'guessed' is not one of observed, reported, inferred, hypothesised",
    });
    expect(evidence.parse('Hypothesised')).toEqual({ ok: true, value: 'hypothesised' });
    const colour = CARD_COLUMNS.find((column) => column.key === 'color')!;
    expect(colour.parse('teal')).toMatchObject({
      ok: false,
      message: "colour 'teal' is not one of yellow, green, blue, purple, pink, red, grey",
    });
  });
});
