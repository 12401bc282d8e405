/**
 * The map file as sheets of cells — the Cards, Stages, Lanes, Emotions, Map
 * and Personas sheets of the .xlsx, the CSV files of the zip — written by
 * `sheets-from-map-file.ts` and read back by `map-file-from-sheets.ts`. The
 * web turns sheets into bytes with ExcelJS or papaparse; these files know only
 * cells. Card columns come from the lane-kind registry (`laneKindColumns`):
 * every card kind's columns, each once, so a new kind or field exports and
 * imports without a change here.
 */
import {
  CARD_LANE_KINDS,
  LANE_KIND_DEFINITIONS,
  laneKindColumns,
  type ColumnDefinition,
} from '../lane-kinds/index.ts';

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

/** The sheets' column headers, as people read them. */
export const H = {
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
export const PERSONA_LISTS = ['goals', 'needs', 'behaviours', 'channels'] as const;
export const PERSONA_HEADERS = [
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
