/**
 * A map file from sheets of cells (tabular-sheets.ts). Reading is forgiving:
 * a sheet with just Stage, Lane and Text columns is enough (stages and lanes
 * are made from the rows' names, a lane's kind from its Kind column or its
 * title). With Stages and Lanes sheets, rows find theirs as
 * `sheet-places.ts` says: by the sheets' `#`, a name that is one stage's
 * title winning. What is left out is a warning.
 */
import { LANE_KIND_DEFINITIONS, type LaneKind } from '../lane-kinds/index.ts';
import { EMOTION_MAX, EMOTION_MIN } from '../types.ts';
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
import { SheetNotes } from './sheet-notes.ts';
import { laneKindFromText, parseFlag, SheetReader } from './sheet-reader.ts';
import { norm, SheetPlaces } from './sheet-places.ts';
import {
  CARD_SHEET_COLUMNS,
  EMOTION_SHEET_COLUMNS,
  H,
  PERSONA_HEADERS,
  SHEET_NAMES,
  type Sheet,
} from './tabular-sheets.ts';

const KIND_LIST = LANE_KIND_DEFINITIONS.map((entry) => entry.kind).join(', ');

/** The columns each sheet reads; any other is left out, with a warning. */
const KNOWN_HEADERS: Record<keyof typeof SHEET_NAMES, readonly string[]> = {
  map: [H.field, H.value],
  stages: [H.number, H.title, H.description, H.momentOfTruth],
  lanes: [H.number, H.title, H.kind, H.collapsed],
  cards: [
    H.stageNumber,
    H.stage,
    H.laneNumber,
    H.lane,
    H.kind,
    ...CARD_SHEET_COLUMNS.map((column) => column.header),
    H.votes,
  ],
  emotions: [
    H.stageNumber,
    H.stage,
    H.laneNumber,
    H.lane,
    ...EMOTION_SHEET_COLUMNS.map((column) => column.header),
  ],
  personas: PERSONA_HEADERS,
};

/** The score column (the emotion lane's registry column): the Cards sheet's emotion rows read it too. */
const SCORE_COLUMN = EMOTION_SHEET_COLUMNS.find((column) => column.key === 'score');

/** What the sheets are becoming, and what reading them has to say. */
interface Reading {
  readonly stages: SheetPlaces<MapFileStage>;
  readonly lanes: SheetPlaces<MapFileLane>;
  readonly cards: MapFileCard[];
  readonly emotions: MapFileEmotion[];
  /** `stage lane` → where its score came from ("row 4"), to name both rows of a second one. */
  readonly scored: Map<string, string>;
  readonly problems: SheetNotes;
  readonly warnings: SheetNotes;
}

const newStage =
  (reading: Reading) =>
  (title: string): MapFileStage =>
    reading.stages.add({
      id: `s${reading.stages.items.length + 1}`,
      title,
      description: '',
      momentOfTruth: false,
    });

const newLane =
  (reading: Reading, kind: LaneKind) =>
  (title: string): MapFileLane =>
    reading.lanes.add({
      id: `l${reading.lanes.items.length + 1}`,
      title,
      kind,
      collapsed: false,
    });

/** Says which columns of a sheet are not read (a person's own notes in the sheet are not lost silently). */
function warnUnknownColumns(sheet: SheetReader, known: readonly string[], reading: Reading): void {
  const unknown = sheet.unknownHeaders(known).map((header) => `'${header}'`);
  if (unknown.length === 1)
    reading.warnings.addSentence(
      `${sheet.sheet.name}: the column ${unknown[0]} is not a Journeyboard column and was left out.`,
    );
  else if (unknown.length > 1)
    reading.warnings.addSentence(
      `${sheet.sheet.name}: the columns ${unknown.join(', ')} are not Journeyboard columns and were left out.`,
    );
}

function readMapSheet(sheet: SheetReader): { title?: string; description: string } {
  let title: string | undefined;
  let description = '';
  for (const row of sheet.rows) {
    const field = norm(sheet.cell(row, H.field) ?? '');
    const value = sheet.cell(row, H.value) ?? '';
    if (field === norm(H.title) && value.trim()) title = value.trim();
    if (field === norm(H.description)) description = value;
  }
  return title === undefined ? { description } : { title, description };
}

function readPersonas(sheet: SheetReader, reading: Reading): MapFilePersona[] {
  const personas: MapFilePersona[] = [];
  for (const row of sheet.rows) {
    const name = sheet.cell(row, H.name) ?? '';
    if (!name.trim()) continue;
    const lines = (header: string) =>
      (sheet.cell(row, header) ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    const flag = parseFlag(sheet.cell(row, H.primary));
    if (typeof flag === 'string') reading.problems.add(sheet.label, row.number, `primary ${flag}`);
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
  return personas;
}

/** The `#` cell of a Stages or Lanes row; null when the sheet has no `#` column (its position counts). */
const numberCell = (sheet: SheetReader, row: SheetReader['rows'][number]) =>
  sheet.has(H.number) ? (sheet.cell(row, H.number) ?? '') : null;

function readStages(sheet: SheetReader, reading: Reading): void {
  for (const row of sheet.rows) {
    const flag = parseFlag(sheet.cell(row, H.momentOfTruth));
    if (typeof flag === 'string')
      reading.problems.add(sheet.label, row.number, `moment of truth ${flag}`);
    const stage = {
      id: `s${reading.stages.items.length + 1}`,
      title: sheet.cell(row, H.title) ?? '',
      description: sheet.cell(row, H.description) ?? '',
      momentOfTruth: flag === true,
    };
    const problem = reading.stages.list(stage, numberCell(sheet, row), row.number);
    if (problem) reading.problems.add(sheet.label, row.number, problem);
  }
}

function readLanes(sheet: SheetReader, reading: Reading): void {
  for (const row of sheet.rows) {
    const laneTitle = sheet.cell(row, H.title) ?? '';
    const kindText = sheet.cell(row, H.kind)?.trim() ?? '';
    const kind = kindText ? laneKindFromText(kindText) : (laneKindFromText(laneTitle) ?? 'notes');
    if (!kind)
      reading.problems.add(
        sheet.label,
        row.number,
        `kind '${kindText}' is not one of ${KIND_LIST}`,
      );
    const flag = parseFlag(sheet.cell(row, H.collapsed));
    if (typeof flag === 'string')
      reading.problems.add(sheet.label, row.number, `collapsed ${flag}`);
    const lane = {
      id: `l${reading.lanes.items.length + 1}`,
      title: laneTitle,
      kind: kind ?? 'notes',
      collapsed: flag === true,
    };
    const problem = reading.lanes.list(lane, numberCell(sheet, row), row.number);
    if (problem) reading.problems.add(sheet.label, row.number, problem);
  }
}

/** A row's stage and lane (each from its number and name cells), with what to say about them. */
function placeRow(
  sheet: SheetReader,
  row: SheetReader['rows'][number],
  reading: Reading,
  makeLane: (title: string) => MapFileLane,
): { stage?: MapFileStage; lane?: MapFileLane } {
  const stage = reading.stages.place(
    sheet.cell(row, H.stageNumber) ?? '',
    sheet.cell(row, H.stage) ?? '',
    newStage(reading),
  );
  const lane = reading.lanes.place(
    sheet.cell(row, H.laneNumber) ?? '',
    sheet.cell(row, H.lane) ?? '',
    makeLane,
  );
  for (const placement of [stage, lane]) {
    if (!placement.ok) reading.problems.add(sheet.label, row.number, placement.problem);
    else if (placement.warning) reading.warnings.add(sheet.label, row.number, placement.warning);
  }
  return {
    ...(stage.ok ? { stage: stage.item } : {}),
    ...(lane.ok ? { lane: lane.item } : {}),
  };
}

/** One score per stage in an emotion lane: a second one names the row of the first. */
function addEmotion(
  reading: Reading,
  sheet: SheetReader,
  rowNumber: number,
  emotion: MapFileEmotion,
  stage: MapFileStage,
  lane: MapFileLane,
): void {
  const key = `${emotion.stage} ${emotion.lane}`;
  const first = reading.scored.get(key);
  if (first)
    return reading.problems.add(
      sheet.label,
      rowNumber,
      `stage '${stage.title}' already has a score in lane '${lane.title}' (${first})`,
    );
  reading.scored.set(key, `${sheet.label}row ${rowNumber}`);
  reading.emotions.push(emotion);
}

/**
 * A Cards row in an emotion lane that the Cards sheet itself made (a simple
 * Stage, Lane, Text sheet with an "Emotions" row): its text is the stage's score.
 */
function readScoreRow(
  sheet: SheetReader,
  row: SheetReader['rows'][number],
  reading: Reading,
  stage: MapFileStage,
  lane: MapFileLane,
): void {
  const text = (sheet.cell(row, 'Text') ?? '').trim().replace(/^−/, '-');
  const parsed = SCORE_COLUMN?.parse(text);
  if (!parsed?.ok || typeof parsed.value !== 'number')
    return reading.problems.add(
      sheet.label,
      row.number,
      `lane '${lane.title}' is an emotion curve, so its text should be a score from ${EMOTION_MIN} to +${EMOTION_MAX}, not '${text}'`,
    );
  addEmotion(
    reading,
    sheet,
    row.number,
    { stage: stage.id, lane: lane.id, score: parsed.value, note: '' },
    stage,
    lane,
  );
}

function readCards(sheet: SheetReader, reading: Reading): void {
  const fieldColumns = CARD_SHEET_COLUMNS.filter(
    (column) => column.key !== 'text' && sheet.has(column.header),
  );
  const problem = (row: number, message: string) => reading.problems.add(sheet.label, row, message);
  for (const row of sheet.rows) {
    const kindText = sheet.cell(row, H.kind)?.trim() ?? '';
    const rowKind = kindText ? laneKindFromText(kindText) : undefined;
    if (kindText && !rowKind) problem(row.number, `kind '${kindText}' is not one of ${KIND_LIST}`);
    const { stage, lane } = placeRow(sheet, row, reading, (laneTitle) =>
      newLane(reading, rowKind ?? laneKindFromText(laneTitle) ?? 'notes')(laneTitle),
    );
    if (lane?.kind === 'emotion') {
      if (reading.lanes.listed(lane))
        problem(
          row.number,
          `lane '${lane.title}' is an emotion lane; its scores go on the Emotions sheet`,
        );
      else if (stage) readScoreRow(sheet, row, reading, stage, lane);
      continue;
    }
    const text = sheet.cell(row, 'Text') ?? '';
    if (text.length > MAP_FILE_LIMITS.cardText)
      problem(
        row.number,
        `the text is ${text.length} characters long; at most ${MAP_FILE_LIMITS.cardText} fit`,
      );
    const fields: Record<string, unknown> = {};
    for (const column of fieldColumns) {
      const parsed = column.parse(sheet.cell(row, column.header) ?? '');
      if (parsed.ok) fields[column.key] = parsed.value;
      else problem(row.number, parsed.message);
    }
    if (stage && lane) reading.cards.push({ stage: stage.id, lane: lane.id, text, fields });
  }
}

function readEmotions(sheet: SheetReader, reading: Reading): void {
  for (const row of sheet.rows) {
    const { stage, lane } = placeRow(sheet, row, reading, newLane(reading, 'emotion'));
    if (lane && lane.kind !== 'emotion')
      reading.problems.add(sheet.label, row.number, `lane '${lane.title}' is not an emotion lane`);
    const values: Record<string, unknown> = {};
    for (const column of EMOTION_SHEET_COLUMNS) {
      const parsed = column.parse(sheet.cell(row, column.header) ?? '');
      if (parsed.ok) values[column.key] = parsed.value;
      else reading.problems.add(sheet.label, row.number, parsed.message);
    }
    if (stage && lane)
      addEmotion(
        reading,
        sheet,
        row.number,
        {
          stage: stage.id,
          lane: lane.id,
          score: values.score as number,
          note: (values.note as string | undefined) ?? '',
        },
        stage,
        lane,
      );
  }
}

/** Which sheet the cards are on: the one called Cards, or the only one there is. */
function findCardsSheet(sheets: readonly Sheet[]): Sheet | undefined {
  return (
    sheets.find((sheet) => norm(sheet.name) === norm(SHEET_NAMES.cards)) ??
    (sheets.length === 1 ? sheets[0] : undefined)
  );
}

/** The columns a Cards sheet can't do without, or null. */
function missingCardColumns(cards: SheetReader): string | null {
  const missing = [
    cards.has(H.stage) || cards.has(H.stageNumber) ? null : H.stage,
    cards.has(H.lane) || cards.has(H.laneNumber) ? null : H.lane,
    cards.has('Text') ? null : 'Text',
  ].filter((header) => header !== null);
  return missing.length > 0
    ? `The ${cards.sheet.name} sheet needs these columns in its first row: ${missing.join(', ')}.`
    : null;
}

/**
 * Reads sheets (an .xlsx's, a zip of CSVs, or one CSV of cards) as a map
 * file. Problems name the sheet, the row and the column's value; warnings
 * say what was left out (columns and sheets that are not the map's).
 */
export function sheetsToMapFile(sheets: readonly Sheet[], fallbackTitle: string): MapFileReading {
  const cardsSheet = findCardsSheet(sheets);
  if (!cardsSheet)
    return {
      ok: false,
      problems: [
        'The file has no Cards sheet (one row per card, with Stage, Lane and Text columns).',
      ],
    };
  const many = sheets.length > 1;
  const reader = (sheet: Sheet) => new SheetReader(sheet, many ? `${sheet.name} ` : '');
  const cards = reader(cardsSheet);
  const missing = missingCardColumns(cards);
  if (missing) return { ok: false, problems: [missing] };

  const reading: Reading = {
    stages: new SheetPlaces<MapFileStage>('stage', SHEET_NAMES.stages),
    lanes: new SheetPlaces<MapFileLane>('lane', SHEET_NAMES.lanes),
    cards: [],
    emotions: [],
    scored: new Map(),
    problems: new SheetNotes(),
    warnings: new SheetNotes(),
  };
  warnUnknownColumns(cards, KNOWN_HEADERS.cards, reading);
  const sheetOf = (key: Exclude<keyof typeof SHEET_NAMES, 'cards'>) => {
    const sheet = sheets.find(
      (item) => item !== cardsSheet && norm(item.name) === norm(SHEET_NAMES[key]),
    );
    if (!sheet) return undefined;
    const read = reader(sheet);
    warnUnknownColumns(read, KNOWN_HEADERS[key], reading);
    return read;
  };
  const mapSheet = sheetOf('map');
  const meta = mapSheet ? readMapSheet(mapSheet) : { description: '' };
  const personasSheet = sheetOf('personas');
  const personas = personasSheet ? readPersonas(personasSheet, reading) : [];
  // Stages and lanes first: the rows of the Cards and Emotions sheets name them.
  const stagesSheet = sheetOf('stages');
  if (stagesSheet) readStages(stagesSheet, reading);
  const lanesSheet = sheetOf('lanes');
  if (lanesSheet) readLanes(lanesSheet, reading);
  readCards(cards, reading);
  const emotionsSheet = sheetOf('emotions');
  if (emotionsSheet) readEmotions(emotionsSheet, reading);
  reading.stages.finish();
  reading.lanes.finish();
  warnUnknownSheets(sheets, cardsSheet, reading);
  return finishReading(reading, {
    title: (meta.title ?? fallbackTitle).slice(0, MAP_FILE_LIMITS.title) || 'Imported map',
    description: meta.description,
    personas,
  });
}

/** Sheets that are none of the map's (a person's own summary tab) are left out, and said to be. */
function warnUnknownSheets(sheets: readonly Sheet[], cardsSheet: Sheet, reading: Reading): void {
  const names = new Set(Object.values(SHEET_NAMES).map(norm));
  for (const sheet of sheets)
    if (sheet !== cardsSheet && !names.has(norm(sheet.name)))
      reading.warnings.addSentence(
        `The sheet '${sheet.name}' is not a Journeyboard sheet and was left out.`,
      );
}

function finishReading(reading: Reading, map: MapFile['map']): MapFileReading {
  const over = (count: number, limit: number, what: string) => {
    if (count > limit)
      reading.problems.addSentence(`The file has ${count} ${what}; a map holds at most ${limit}.`);
  };
  over(reading.stages.items.length, MAP_FILE_LIMITS.stages, 'stages');
  over(reading.lanes.items.length, MAP_FILE_LIMITS.lanes, 'lanes');
  over(reading.cards.length, MAP_FILE_LIMITS.cards, 'cards');
  if (reading.problems.size > 0) return { ok: false, problems: reading.problems.lines() };

  const file: MapFile = {
    format: MAP_FILE_FORMAT,
    version: MAP_FILE_VERSION,
    map,
    stages: reading.stages.items,
    lanes: reading.lanes.items,
    cards: reading.cards,
    emotions: reading.emotions,
  };
  const checked = ZMapFileV1.safeParse(file);
  return checked.success
    ? { ok: true, file: checked.data, warnings: reading.warnings.lines() }
    : { ok: false, problems: describeIssues(checked.error.issues) };
}
