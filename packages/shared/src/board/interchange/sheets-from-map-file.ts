/** A map file as sheets of cells (tabular-sheets.ts): one row per stage, lane, card, score, persona. */
import { MAP_FILE_FORMAT, MAP_FILE_VERSION, type MapFile } from './map-file.ts';
import {
  CARD_SHEET_COLUMNS,
  EMOTION_SHEET_COLUMNS,
  H,
  PERSONA_HEADERS,
  PERSONA_LISTS,
  SHEET_NAMES,
  type Cell,
  type Sheet,
} from './tabular-sheets.ts';
import type { ColumnDefinition } from '../lane-kinds/index.ts';

const yes = (flag: boolean) => (flag ? 'yes' : '');

/** A card's value in a column. */
const cardValue = (card: MapFile['cards'][number], column: ColumnDefinition): unknown =>
  column.key === 'text' ? card.text : (card.fields as Record<string, unknown>)[column.key];

export function mapFileToSheets(file: MapFile): Sheet[] {
  const cardColumns = CARD_SHEET_COLUMNS.filter(
    (column) =>
      !column.omittedWhenEmpty ||
      file.cards.some((card) => column.format(cardValue(card, column)) !== ''),
  );
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
          ...cardColumns.map((c) => c.header),
          H.votes,
        ],
        ...file.cards.map((card) => [
          ...where(card.stage, card.lane),
          file.lanes[laneIndex.get(card.lane) ?? 0]?.kind ?? '',
          ...cardColumns.map((column) => cellOf(column, cardValue(card, column))),
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

/**
 * A column's cell: its text, or — in a `numeric` column — the number when
 * the text is exactly how that number is written ("4.2", not "4.20" or
 * "~30"), so reading the cell back gives the same text.
 */
function cellOf(column: ColumnDefinition, value: unknown): Cell {
  const text = column.format(value);
  if (!column.numeric || text === '') return text;
  const number = Number(text);
  return Number.isFinite(number) && String(number) === text ? number : text;
}
