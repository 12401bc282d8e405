/** Reading one sheet of cells: its rows by header, and the cells people write by hand. */
import { LANE_KIND_DEFINITIONS, type LaneKind } from '../lane-kinds/index.ts';
import { norm } from './sheet-places.ts';
import type { Sheet } from './tabular-sheets.ts';

/** A sheet's rows as records by header, with their row number in the sheet (the header is row 1). */
export class SheetReader {
  readonly headers: Map<string, number>;
  readonly rows: { readonly number: number; readonly cells: readonly string[] }[];

  constructor(
    readonly sheet: Sheet,
    /** The sheet's name and a space, for messages ("Cards row 4"); '' when the file is one sheet. */
    readonly label: string,
  ) {
    const [header = [], ...rest] = sheet.rows;
    this.headers = new Map(header.map((cell, index) => [norm(String(cell)), index]));
    this.rows = rest
      .map((cells, index) => ({ number: index + 2, cells: cells.map((cell) => String(cell)) }))
      .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  }

  has(header: string): boolean {
    return this.headers.has(norm(header));
  }

  cell(row: { readonly cells: readonly string[] }, header: string): string | undefined {
    const index = this.headers.get(norm(header));
    return index === undefined ? undefined : (row.cells[index] ?? '');
  }

  /** The headers of the first row that are none of `known`, as written. */
  unknownHeaders(known: readonly string[]): string[] {
    const wanted = new Set(known.map(norm));
    const [header = []] = this.sheet.rows;
    return header
      .map((cell) => String(cell).trim())
      .filter((text) => text !== '' && !wanted.has(norm(text)));
  }
}

/** Every name a lane kind goes by: its id, its label, its card label and its aliases. */
const laneKindNames = (entry: (typeof LANE_KIND_DEFINITIONS)[number]): string[] => [
  entry.kind,
  entry.label,
  ...('cardLabel' in entry ? [entry.cardLabel] : []),
  ...(entry.aliases ?? []),
];

/** Whose a lane is, which says nothing of its kind: "Customer actions" are actions. */
const WHOSE = /^(customer|user|client|guest|patient|employee)('s|s'|s)?\s+/;

/**
 * A lane kind from how a person may write it: its id, its label, its card
 * label or an alias, with or without whose it is ("Customer actions").
 */
export function laneKindFromText(text: string): LaneKind | undefined {
  // "Pain points" for "Pain point", "Touchpoint" for "Touchpoints", "Emotions" for "Emotion".
  const singular = (name: string) => norm(name).replace(/s$/, '');
  const find = (wanted: string) =>
    LANE_KIND_DEFINITIONS.find((entry) =>
      laneKindNames(entry).some((name) => singular(name) === wanted),
    )?.kind;
  const wanted = singular(text);
  return find(wanted) ?? find(wanted.replace(WHOSE, ''));
}

/** A yes/no cell: true, false, or what to say about it. */
export function parseFlag(text: string | undefined): boolean | string {
  const value = norm(text ?? '');
  if (['', 'no', 'false', '0'].includes(value)) return false;
  if (['yes', 'true', '1', 'x'].includes(value)) return true;
  return `'${text?.trim()}' is not yes or no`;
}
