import { CARD_FIELD_NAMES } from '../card-fields.ts';
import { cellKey, type BoardSnapshot } from '../types.ts';
import {
  MAP_FILE_FORMAT,
  MAP_FILE_SCHEMA_PATH,
  MAP_FILE_VERSION,
  type MapFile,
  type MapFileCard,
  type MapFilePersona,
} from './map-file.ts';

/** A persona linked to the map, as the personas API gives it (extra fields are left out). */
export type PersonaForFile = Pick<MapFilePersona, 'id' | 'name'> &
  Partial<Omit<MapFilePersona, 'id' | 'name'>>;

/** Only the fields the file holds, each spelled out. */
const personaForFile = (persona: PersonaForFile): MapFilePersona => ({
  id: persona.id,
  name: persona.name,
  title: persona.title ?? '',
  segment: persona.segment ?? '',
  ...(persona.initials ? { initials: persona.initials } : {}),
  ...(persona.color ? { color: persona.color } : {}),
  goals: [...(persona.goals ?? [])],
  needs: [...(persona.needs ?? [])],
  behaviours: [...(persona.behaviours ?? [])],
  channels: [...(persona.channels ?? [])],
  quote: persona.quote ?? '',
  primary: persona.primary ?? false,
});

export interface MapFileMeta {
  readonly title: string;
  readonly description: string;
  readonly personas?: readonly PersonaForFile[];
  /** Dots per card id from the latest revealed voting round, when there is one. */
  readonly votes?: ReadonlyMap<string, number>;
  readonly exportedAt?: Date;
}

/**
 * The whole board as a map file: stages left to right, lanes top to bottom,
 * cards cell by cell in display order, every card field (whatever the lane's
 * kind shows: a card keeps every field, so the file does too).
 */
export function boardToMapFile(board: BoardSnapshot, meta: MapFileMeta): MapFile {
  const cards: MapFileCard[] = [];
  for (const stage of board.stages) {
    for (const lane of board.lanes) {
      for (const id of board.cells.get(cellKey(stage.id, lane.id)) ?? []) {
        const card = board.cards.get(id);
        if (!card) continue;
        const record = card as unknown as Record<string, unknown>;
        const votes = meta.votes?.get(id);
        cards.push({
          stage: stage.id,
          lane: lane.id,
          text: card.text,
          fields: Object.fromEntries(CARD_FIELD_NAMES.map((name) => [name, record[name]])),
          ...(votes === undefined ? {} : { votes }),
        });
      }
    }
  }
  const stageIds = new Set(board.stages.map((stage) => stage.id));
  const laneIds = new Set(board.lanes.map((lane) => lane.id));
  return {
    $schema: MAP_FILE_SCHEMA_PATH,
    format: MAP_FILE_FORMAT,
    version: MAP_FILE_VERSION,
    exportedAt: (meta.exportedAt ?? new Date()).toISOString(),
    map: {
      title: meta.title,
      description: meta.description,
      personas: (meta.personas ?? []).map(personaForFile),
    },
    stages: board.stages.map(({ id, title, description, momentOfTruth }) => ({
      id,
      title,
      description,
      momentOfTruth,
    })),
    lanes: board.lanes.map(({ id, title, kind, collapsed }) => ({ id, title, kind, collapsed })),
    cards,
    emotions: [...board.emotions.values()]
      .filter((point) => stageIds.has(point.stageId) && laneIds.has(point.laneId))
      .sort(
        (a, b) =>
          board.stages.findIndex((stage) => stage.id === a.stageId) -
            board.stages.findIndex((stage) => stage.id === b.stageId) ||
          board.lanes.findIndex((lane) => lane.id === a.laneId) -
            board.lanes.findIndex((lane) => lane.id === b.laneId),
      )
      .map(({ stageId, laneId, score, note }) => ({
        stage: stageId,
        lane: laneId,
        score,
        note,
      })),
  };
}
