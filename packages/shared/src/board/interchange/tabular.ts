/**
 * The map file as sheets of cells (the Cards, Stages, Lanes, Emotions and Map
 * sheets of the .xlsx; the CSV files of the zip) and back. The web turns
 * sheets into bytes with ExcelJS or papaparse; this file knows only cells.
 *
 * Card columns come from the lane-kind registry (`laneKindColumns`): every
 * card kind's columns, each once, so a new kind or field exports and imports
 * without a change here. Reading is forgiving: a sheet with just Stage, Lane
 * and Text columns is enough (stages and lanes are made in the order they
 * first appear, a lane's kind from its Kind column or its title).
 */
import {
  CARD_LANE_KINDS,
  LANE_KIND_DEFINITIONS,
  laneKindColumns,
  type ColumnDefinition,
  type LaneKind,
} from '../lane-kinds/index.ts';
import {
  MAP_FILE_FORMAT,
  MAP_FILE_LIMITS,
  MAP_FILE_VERSION,
  ZMapFileV1,
  type MapFile,
  type MapFileCard,
  type MapFileEmotion,
  type MapFileLane,
  type MapFilePersona,
  type MapFileStage,
} from './map-file.ts';
import { describeIssues, type MapFileReading } from './read-map-file.ts';

export type Cell = string | number;
export interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
}

export const SHEET_NAMES = {
  map: 'Map',
  stages: 'Stages',
  lanes: 'Lanes',
  cards: 'Cards',
  emotions: 'Emotions',
  personas: 'Personas',
} as const;

function uniqueByKey(columns: readonly ColumnDefinition[]): ColumnDefinition[] {
  const seen = new Set<string>();
  return columns.filter((column) => !seen.has(column.key) && seen.add(column.key));
}

/** Every card's columns (text, colour, moment of truth, then each kind's fields), from the registry. */
export const CARD_SHEET_COLUMNS: readonly ColumnDefinition[] = uniqueByKey(
  CARD_LANE_KINDS.flatMap((entry) => laneKindColumns(entry.kind)),
);
/** The emotion lanes' columns (score, note), from the registry. */
export const EMOTION_SHEET_COLUMNS: readonly ColumnDefinition[] = uniqueByKey(
  LANE_KIND_DEFINITIONS.filter((entry) => entry.holds !== 'cards').flatMap((entry) =>
    laneKindColumns(entry.kind),
  ),
);

const H = {
  number: '#',
  stageNumber: 'Stage #',
  stage: 'Stage',
  laneNumber: 'Lane #',
  lane: 'Lane',
  kind: 'Kind',
  title: 'Title',
  description: 'Description',
  momentOfTruth: 'Moment of truth',
  collapsed: 'Collapsed',
  votes: 'Votes',
  field: 'Field',
  value: 'Value',
  format: 'Format',
  name: 'Name',
  role: 'Role',
  segment: 'Segment',
  initials: 'Initials',
  colour: 'Colour',
  goals: 'Goals',
  needs: 'Needs',
  behaviours: 'Behaviours',
  channels: 'Channels',
  quote: 'Quote',
  primary: 'Primary',
} as const;

/** A persona's list fields, one item a line in their cell. */
const PERSONA_LISTS = ['goals', 'needs', 'behaviours', 'channels'] as const;
const PERSONA_HEADERS = [
  H.name,
  H.role,
  H.segment,
  H.initials,
  H.colour,
  H.goals,
  H.needs,
  H.behaviours,
  H.channels,
  H.quote,
  H.primary,
] as const;

const yes = (flag: boolean) => (flag ? 'yes' : '');

// ── Writing ──────────────────────────────────────────────────────────────────

export function mapFileToSheets(file: MapFile): Sheet[] {
  const stageIndex = new Map(file.stages.map((stage, index) => [stage.id, index]));
  const laneIndex = new Map(file.lanes.map((lane, index) => [lane.id, index]));
  const where = (stageId: string, laneId: string): Cell[] => {
    const s = stageIndex.get(stageId) ?? 0;
    const l = laneIndex.get(laneId) ?? 0;
    return [s + 1, file.stages[s]?.title ?? '', l + 1, file.lanes[l]?.title ?? ''];
  };
  return [
    {
      name: SHEET_NAMES.cards,
      rows: [
        [
          H.stageNumber,
          H.stage,
          H.laneNumber,
          H.lane,
          H.kind,
          ...CARD_SHEET_COLUMNS.map((c) => c.header),
          H.votes,
        ],
        ...file.cards.map((card) => [
          ...where(card.stage, card.lane),
          file.lanes[laneIndex.get(card.lane) ?? 0]?.kind ?? '',
          ...CARD_SHEET_COLUMNS.map((column) =>
            column.format(
              column.key === 'text'
                ? card.text
                : (card.fields as Record<string, unknown>)[column.key],
            ),
          ),
          card.votes ?? '',
        ]),
      ],
    },
    {
      name: SHEET_NAMES.stages,
      rows: [
        [H.number, H.title, H.description, H.momentOfTruth],
        ...file.stages.map((stage, index) => [
          index + 1,
          stage.title,
          stage.description,
          yes(stage.momentOfTruth),
        ]),
      ],
    },
    {
      name: SHEET_NAMES.lanes,
      rows: [
        [H.number, H.title, H.kind, H.collapsed],
        ...file.lanes.map((lane, index) => [index + 1, lane.title, lane.kind, yes(lane.collapsed)]),
      ],
    },
    {
      name: SHEET_NAMES.emotions,
      rows: [
        [
          H.stageNumber,
          H.stage,
          H.laneNumber,
          H.lane,
          ...EMOTION_SHEET_COLUMNS.map((c) => c.header),
        ],
        ...file.emotions.map((emotion) => [
          ...where(emotion.stage, emotion.lane),
          ...EMOTION_SHEET_COLUMNS.map((column) =>
            column.format((emotion as Record<string, unknown>)[column.key]),
          ),
        ]),
      ],
    },
    {
      name: SHEET_NAMES.map,
      rows: [
        [H.field, H.value],
        [H.title, file.map.title],
        [H.description, file.map.description],
        [H.format, `${MAP_FILE_FORMAT} ${MAP_FILE_VERSION}`],
      ],
    },
    {
      name: SHEET_NAMES.personas,
      rows: [
        [...PERSONA_HEADERS],
        ...file.map.personas.map((persona) => [
          persona.name,
          persona.title,
          persona.segment,
          persona.initials ?? '',
          persona.color ?? '',
          ...PERSONA_LISTS.map((list) => persona[list].join('\n')),
          persona.quote,
          yes(persona.primary),
        ]),
      ],
    },
  ];
}

// ── Reading ──────────────────────────────────────────────────────────────────

const norm = (text: string) => text.trim().toLowerCase();

/** A sheet's rows as records by header, with their row number in the sheet (the header is row 1). */
class SheetReader {
  readonly headers: Map<string, number>;
  readonly rows: { readonly number: number; readonly cells: readonly string[] }[];

  constructor(
    readonly sheet: Sheet,
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

  where(rowNumber: number): string {
    return `${this.label}row ${rowNumber}`;
  }
}

/** A lane kind from how a person may write it: its id, its label or its card label. */
export function laneKindFromText(text: string): LaneKind | undefined {
  const wanted = norm(text);
  return LANE_KIND_DEFINITIONS.find(
    (entry) =>
      entry.kind === wanted ||
      norm(entry.label) === wanted ||
      ('cardLabel' in entry && norm(entry.cardLabel) === wanted) ||
      // "Pain points" for "Pain point", "Touchpoint" for "Touchpoints".
      norm(entry.label).replace(/s$/, '') === wanted.replace(/s$/, ''),
  )?.kind;
}

const KIND_LIST = LANE_KIND_DEFINITIONS.map((entry) => entry.kind).join(', ');

function parseFlag(text: string | undefined): boolean | string {
  const value = norm(text ?? '');
  if (['', 'no', 'false', '0'].includes(value)) return false;
  if (['yes', 'true', '1', 'x'].includes(value)) return true;
  return `'${text?.trim()}' is not yes or no`;
}

interface Build {
  stages: MapFileStage[];
  lanes: MapFileLane[];
  cards: MapFileCard[];
  emotions: MapFileEmotion[];
  problems: string[];
}

/**
 * Finds (or, from a title, makes) the stage or lane a row names: its number
 * column when there is one, else its title.
 */
function resolve<T extends { id: string; title: string }>(
  list: T[],
  reader: SheetReader,
  row: SheetReader['rows'][number],
  numberHeader: string,
  titleHeader: string,
  make: (title: string) => T | string,
): T | string {
  const what = titleHeader.toLowerCase();
  const number = reader.cell(row, numberHeader)?.trim();
  if (number) {
    const index = Number(number);
    const found = Number.isInteger(index) ? list[index - 1] : undefined;
    return (
      found ??
      `${numberHeader.toLowerCase()} '${number}' is not a ${what} number from 1 to ${list.length}`
    );
  }
  const title = reader.cell(row, titleHeader)?.trim() ?? '';
  if (title === '') return `the ${what} is empty`;
  return list.find((item) => norm(item.title) === norm(title)) ?? make(title);
}

/**
 * Reads sheets (an .xlsx's, a zip of CSVs, or one CSV of cards) as a map
 * file. Problems name the sheet, the row and the column's value.
 */
export function sheetsToMapFile(sheets: readonly Sheet[], fallbackTitle: string): MapFileReading {
  const byName = (name: string) => sheets.find((sheet) => norm(sheet.name) === norm(name));
  const many = sheets.length > 1;
  const reader = (sheet: Sheet) => new SheetReader(sheet, many ? `${sheet.name} ` : '');
  const cardsSheet = byName(SHEET_NAMES.cards) ?? (sheets.length === 1 ? sheets[0] : undefined);
  if (!cardsSheet)
    return {
      ok: false,
      problems: [
        'The file has no Cards sheet (one row per card, with Stage, Lane and Text columns).',
      ],
    };

  const build: Build = { stages: [], lanes: [], cards: [], emotions: [], problems: [] };
  const problem = (where: string, message: string) => build.problems.push(`${where}: ${message}.`);
  let title = fallbackTitle;
  let description = '';

  const mapSheet = byName(SHEET_NAMES.map);
  if (mapSheet) {
    const sheet = reader(mapSheet);
    for (const row of sheet.rows) {
      const field = norm(sheet.cell(row, H.field) ?? '');
      const value = sheet.cell(row, H.value) ?? '';
      if (field === norm(H.title) && value.trim()) title = value.trim();
      if (field === norm(H.description)) description = value;
    }
  }

  const personas: MapFilePersona[] = [];
  const personasSheet = byName(SHEET_NAMES.personas);
  if (personasSheet) {
    const sheet = reader(personasSheet);
    for (const row of sheet.rows) {
      const name = sheet.cell(row, H.name) ?? '';
      if (!name.trim()) continue;
      const lines = (header: string) =>
        (sheet.cell(row, header) ?? '')
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean);
      const flag = parseFlag(sheet.cell(row, H.primary));
      if (typeof flag === 'string') problem(sheet.where(row.number), `primary ${flag}`);
      const initials = sheet.cell(row, H.initials)?.trim();
      const color = sheet.cell(row, H.colour)?.trim();
      personas.push({
        id: `p${personas.length + 1}`,
        name,
        title: sheet.cell(row, H.role) ?? '',
        segment: sheet.cell(row, H.segment) ?? '',
        ...(initials ? { initials } : {}),
        ...(color ? { color } : {}),
        goals: lines(H.goals),
        needs: lines(H.needs),
        behaviours: lines(H.behaviours),
        channels: lines(H.channels),
        quote: sheet.cell(row, H.quote) ?? '',
        primary: flag === true,
      });
    }
  }

  const stagesSheet = byName(SHEET_NAMES.stages);
  if (stagesSheet) {
    const sheet = reader(stagesSheet);
    for (const row of sheet.rows) {
      const flag = parseFlag(sheet.cell(row, H.momentOfTruth));
      if (typeof flag === 'string') problem(sheet.where(row.number), `moment of truth ${flag}`);
      build.stages.push({
        id: `s${build.stages.length + 1}`,
        title: sheet.cell(row, H.title) ?? '',
        description: sheet.cell(row, H.description) ?? '',
        momentOfTruth: flag === true,
      });
    }
  }
  const lanesSheet = byName(SHEET_NAMES.lanes);
  if (lanesSheet) {
    const sheet = reader(lanesSheet);
    for (const row of sheet.rows) {
      const laneTitle = sheet.cell(row, H.title) ?? '';
      const kindText = sheet.cell(row, H.kind)?.trim() ?? '';
      const kind = kindText ? laneKindFromText(kindText) : (laneKindFromText(laneTitle) ?? 'notes');
      if (!kind) problem(sheet.where(row.number), `kind '${kindText}' is not one of ${KIND_LIST}`);
      const flag = parseFlag(sheet.cell(row, H.collapsed));
      if (typeof flag === 'string') problem(sheet.where(row.number), `collapsed ${flag}`);
      build.lanes.push({
        id: `l${build.lanes.length + 1}`,
        title: laneTitle,
        kind: kind ?? 'notes',
        collapsed: flag === true,
      });
    }
  }

  const newStage = (stageTitle: string): MapFileStage => {
    const stage = {
      id: `s${build.stages.length + 1}`,
      title: stageTitle,
      description: '',
      momentOfTruth: false,
    };
    build.stages.push(stage);
    return stage;
  };
  const newLane = (laneTitle: string, kind: LaneKind): MapFileLane => {
    const lane = { id: `l${build.lanes.length + 1}`, title: laneTitle, kind, collapsed: false };
    build.lanes.push(lane);
    return lane;
  };

  const cards = reader(cardsSheet);
  const missing = [
    cards.has(H.stage) || cards.has(H.stageNumber) ? null : H.stage,
    cards.has(H.lane) || cards.has(H.laneNumber) ? null : H.lane,
    cards.has('Text') ? null : 'Text',
  ].filter((header) => header !== null);
  if (missing.length > 0)
    return {
      ok: false,
      problems: [
        `The ${cardsSheet.name} sheet needs these columns in its first row: ${missing.join(', ')}.`,
      ],
    };
  const fieldColumns = CARD_SHEET_COLUMNS.filter(
    (column) => column.key !== 'text' && cards.has(column.header),
  );
  for (const row of cards.rows) {
    const where = cards.where(row.number);
    const kindText = cards.cell(row, H.kind)?.trim() ?? '';
    const rowKind = kindText ? laneKindFromText(kindText) : undefined;
    if (kindText && !rowKind) problem(where, `kind '${kindText}' is not one of ${KIND_LIST}`);
    const stage = resolve(build.stages, cards, row, H.stageNumber, H.stage, newStage);
    const lane = resolve(build.lanes, cards, row, H.laneNumber, H.lane, (laneTitle) =>
      newLane(laneTitle, rowKind ?? laneKindFromText(laneTitle) ?? 'notes'),
    );
    if (typeof stage === 'string') problem(where, stage);
    if (typeof lane === 'string') problem(where, lane);
    else if (lane.kind === 'emotion')
      problem(
        where,
        `lane '${lane.title}' is an emotion lane; its scores go on the Emotions sheet`,
      );
    const text = cards.cell(row, 'Text') ?? '';
    if (text.length > MAP_FILE_LIMITS.cardText)
      problem(
        where,
        `the text is ${text.length} characters long; at most ${MAP_FILE_LIMITS.cardText} fit`,
      );
    const fields: Record<string, unknown> = {};
    for (const column of fieldColumns) {
      const parsed = column.parse(cards.cell(row, column.header) ?? '');
      if (parsed.ok) fields[column.key] = parsed.value;
      else problem(where, parsed.message);
    }
    if (typeof stage !== 'string' && typeof lane !== 'string')
      build.cards.push({ stage: stage.id, lane: lane.id, text, fields });
  }

  const emotionsSheet = byName(SHEET_NAMES.emotions);
  if (emotionsSheet) {
    const sheet = reader(emotionsSheet);
    for (const row of sheet.rows) {
      const where = sheet.where(row.number);
      const stage = resolve(build.stages, sheet, row, H.stageNumber, H.stage, newStage);
      const lane = resolve(build.lanes, sheet, row, H.laneNumber, H.lane, (laneTitle) =>
        newLane(laneTitle, 'emotion'),
      );
      if (typeof stage === 'string') problem(where, stage);
      if (typeof lane === 'string') problem(where, lane);
      else if (lane.kind !== 'emotion')
        problem(where, `lane '${lane.title}' is not an emotion lane`);
      const values: Record<string, unknown> = {};
      for (const column of EMOTION_SHEET_COLUMNS) {
        const parsed = column.parse(sheet.cell(row, column.header) ?? '');
        if (parsed.ok) values[column.key] = parsed.value;
        else problem(where, parsed.message);
      }
      if (typeof stage !== 'string' && typeof lane !== 'string')
        build.emotions.push({
          stage: stage.id,
          lane: lane.id,
          score: values.score as number,
          note: (values.note as string | undefined) ?? '',
        });
    }
  }

  const over = (count: number, limit: number, what: string) =>
    count > limit &&
    build.problems.push(`The file has ${count} ${what}; a map holds at most ${limit}.`);
  over(build.stages.length, MAP_FILE_LIMITS.stages, 'stages');
  over(build.lanes.length, MAP_FILE_LIMITS.lanes, 'lanes');
  over(build.cards.length, MAP_FILE_LIMITS.cards, 'cards');
  if (build.problems.length > 0) return { ok: false, problems: describeProblems(build.problems) };

  const file: MapFile = {
    format: MAP_FILE_FORMAT,
    version: MAP_FILE_VERSION,
    map: {
      title: title.slice(0, MAP_FILE_LIMITS.title) || 'Imported map',
      description,
      personas,
    },
    stages: build.stages,
    lanes: build.lanes,
    cards: build.cards,
    emotions: build.emotions,
  };
  const checked = ZMapFileV1.safeParse(file);
  return checked.success
    ? { ok: true, file: checked.data }
    : { ok: false, problems: describeIssues(checked.error.issues) };
}

function describeProblems(problems: readonly string[]): string[] {
  const max = 20;
  return problems.length > max
    ? [...problems.slice(0, max), `…and ${problems.length - max} more.`]
    : [...problems];
}
