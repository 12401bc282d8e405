import {
  ADDED_BY_MAX_LENGTH,
  CARD_COLORS,
  EMOTION_MAX,
  EMOTION_MIN,
  type CardColor,
} from '../types.ts';
import { EVIDENCE_LEVEL_INFO, EVIDENCE_SOURCES_MAX_LENGTH } from '../evidence.ts';
import { CARD_FIELD_MAX_LENGTH, type FieldDefinition } from './define.ts';

export type ParseResult<V> =
  { readonly ok: true; readonly value: V } | { readonly ok: false; readonly message: string };

/**
 * One column of a text export (CSV, spreadsheet, …) and of its import: the
 * header, how a stored value is written, and how a cell is read back, with a
 * message a person can act on when it can't be ("severity 'urgent' is not one
 * of low, medium, high"). `parse(format(value))` gives the value back.
 */
export interface ColumnDefinition {
  /** The card's (or emotion point's) key the column reads and writes. */
  readonly key: string;
  readonly header: string;
  /** '' for a value that is not set (or not valid). */
  readonly format: (value: unknown) => string;
  /** An empty cell means "not set". */
  readonly parse: (text: string) => ParseResult<unknown>;
  /** A spreadsheet cell holds a plain number here as a number (`TextField.numeric`). */
  readonly numeric?: boolean;
  /** Left out of an export in which no row has a value: a column nobody could fill in. */
  readonly omittedWhenEmpty?: boolean;
}

const ok = <V>(value: V): ParseResult<V> => ({ ok: true, value });
const fail = (message: string): ParseResult<never> => ({ ok: false, message });

/** How a choice's value is spelled in an export: its label, lower-cased ("high", "email"). */
const token = (label: string) => label.toLowerCase();

function choiceColumn(
  key: string,
  header: string,
  options: readonly { readonly value: unknown; readonly label: string }[],
  unset: unknown,
): ColumnDefinition {
  return {
    key,
    header,
    format: (value) => {
      const option = options.find((candidate) => candidate.value === value);
      return option && option.value !== unset ? token(option.label) : '';
    },
    parse: (text) => {
      const wanted = text.trim().toLowerCase();
      if (wanted === '') return ok(unset);
      const option = options.find(
        (candidate) => token(candidate.label) === wanted || String(candidate.value) === wanted,
      );
      if (option) return ok(option.value);
      const allowed = options
        .filter((candidate) => candidate.value !== unset)
        .map((candidate) => token(candidate.label));
      return fail(`${token(header)} '${text.trim()}' is not one of ${allowed.join(', ')}`);
    },
  };
}

function textColumn(
  key: string,
  header: string,
  maxLength = CARD_FIELD_MAX_LENGTH,
  numeric = false,
): ColumnDefinition {
  return {
    key,
    header,
    ...(numeric ? { numeric } : {}),
    format: (value) => (typeof value === 'string' ? value : ''),
    parse: (text) => {
      const value = text.trim();
      return value.length > maxLength
        ? fail(`${token(header)} is ${value.length} characters long; at most ${maxLength} fit`)
        : ok(value);
    },
  };
}

/** The column of one lane-kind field. */
export function fieldColumn(field: FieldDefinition): ColumnDefinition {
  return field.type === 'choice'
    ? choiceColumn(field.name, field.label, field.options, null)
    : textColumn(field.name, field.label, CARD_FIELD_MAX_LENGTH, field.numeric === true);
}

export const CARD_COLOR_LABELS: Record<CardColor, string> = {
  none: 'Lane colour',
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  purple: 'Purple',
  pink: 'Pink',
  red: 'Red',
  grey: 'Grey',
};

/** The columns every card has, whatever its lane: text, colour, moment of truth, evidence, sources, author. */
export const CARD_COLUMNS: readonly ColumnDefinition[] = [
  {
    key: 'text',
    header: 'Text',
    format: (value) => (typeof value === 'string' ? value : ''),
    parse: (text) => ok(text),
  },
  choiceColumn(
    'color',
    'Colour',
    CARD_COLORS.map((value) => ({ value, label: CARD_COLOR_LABELS[value] })),
    'none',
  ),
  choiceColumn(
    'momentOfTruth',
    'Moment of truth',
    [
      { value: true, label: 'Yes' },
      { value: false, label: 'No' },
    ],
    false,
  ),
  choiceColumn(
    'evidence',
    'Evidence',
    EVIDENCE_LEVEL_INFO.map((info) => ({ value: info.level, label: info.label })),
    null,
  ),
  {
    // Several sources are several lines; a cell keeps them, so only the length is checked.
    key: 'evidenceSources',
    header: 'Sources',
    format: (value) => (typeof value === 'string' ? value : ''),
    parse: (text) => {
      const value = text.trim();
      return value.length > EVIDENCE_SOURCES_MAX_LENGTH
        ? fail(
            `sources are ${value.length} characters long; at most ${EVIDENCE_SOURCES_MAX_LENGTH} fit`,
          )
        : ok(value);
    },
  },
  {
    // Who wrote it (a silent brainstorm's reveal with names); a name is one line. Other
    // cards' authors are the server's attribution, not the card's: most maps have none here.
    key: 'addedBy',
    header: 'Added by',
    omittedWhenEmpty: true,
    format: (value) => (typeof value === 'string' ? value : ''),
    parse: (text) => {
      const value = text.trim();
      return value.length > ADDED_BY_MAX_LENGTH
        ? fail(`a name is at most ${ADDED_BY_MAX_LENGTH} characters long`)
        : ok(value);
    },
  },
];

/** The emotion lane's columns: one row per stage with a score. */
export const EMOTION_COLUMNS: readonly ColumnDefinition[] = [
  {
    key: 'score',
    header: 'Score',
    format: (value) => (typeof value === 'number' ? (value > 0 ? `+${value}` : String(value)) : ''),
    parse: (text) => {
      const trimmed = text.trim();
      const score = /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : NaN;
      return Number.isInteger(score) && score >= EMOTION_MIN && score <= EMOTION_MAX
        ? ok(score)
        : fail(`score '${trimmed}' is not a whole number from ${EMOTION_MIN} to +${EMOTION_MAX}`);
    },
  },
  textColumn('note', 'Note'),
];
