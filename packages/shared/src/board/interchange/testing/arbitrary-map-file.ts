/**
 * fast-check generators of valid map files, and the canonical form two
 * boards are compared in (ids differ after an import; positions don't).
 * Test code only: the web's XLSX/CSV round trip uses them too.
 */
import fc from 'fast-check';
import * as Y from 'yjs';
import { readBoard } from '../../state.ts';
import { boardToMapFile } from '../board-to-map-file.ts';
import { seedBoard } from '../seed-board.ts';
import { CARD_FIELD_NAMES, DEFAULT_CARD_FIELDS } from '../../card-fields.ts';
import { holdsCards, LANE_KINDS, laneKindField } from '../../lane-kinds/index.ts';
import { CARD_COLORS, EMOTION_MAX, EMOTION_MIN } from '../../types.ts';
import { PERSONA_COLORS } from '../../../api/personas.ts';
import type { MapFile, MapFilePersona } from '../map-file.ts';

/** Text a person types into a field: trimmed, some non-ASCII. */
const label = (maxLength: number) =>
  fc
    .string({ maxLength, unit: fc.constantFrom(...'abcXYZ 019,;"\'-é–—€ü'.split('')) })
    .map((text) => text.trim());
/** Free text: anything printable, new lines and quotes included. */
const freeText = (maxLength: number) =>
  fc.string({ maxLength, unit: fc.constantFrom(...'ab Z,;"\'\n\t=+é€–'.split('')) });

function fieldValue(name: string): fc.Arbitrary<unknown> {
  if (name === 'color') return fc.constantFrom(...CARD_COLORS);
  if (name === 'momentOfTruth') return fc.boolean();
  const field = laneKindField(name);
  if (field?.type === 'choice')
    return fc.constantFrom(null, ...field.options.map((option) => option.value));
  if (field?.type === 'text') return label(40);
  const fallback = (DEFAULT_CARD_FIELDS as unknown as Record<string, unknown>)[name];
  return fc.constant(fallback);
}

const cardFields = fc.record(
  Object.fromEntries(CARD_FIELD_NAMES.map((name) => [name, fieldValue(name)])),
) as fc.Arbitrary<Record<string, unknown>>;

const nonEmpty = (maxLength: number) => label(maxLength).filter((text) => text.length > 0);

/** A persona as a person fills it in (list items are lines: no line breaks inside). */
const persona = fc.record(
  {
    name: nonEmpty(30),
    title: label(20),
    segment: label(20),
    initials: nonEmpty(3),
    color: fc.constantFrom(...PERSONA_COLORS),
    goals: fc.array(nonEmpty(20), { maxLength: 3 }),
    needs: fc.array(nonEmpty(20), { maxLength: 3 }),
    behaviours: fc.array(nonEmpty(20), { maxLength: 3 }),
    channels: fc.array(nonEmpty(20), { maxLength: 3 }),
    quote: freeText(60),
  },
  {
    requiredKeys: ['name', 'title', 'segment', 'goals', 'needs', 'behaviours', 'channels', 'quote'],
  },
);

export const arbitraryMapFile: fc.Arbitrary<MapFile> = fc
  .record({
    personas: fc.array(persona, { maxLength: 3 }),
    title: label(30).filter((title) => title.length > 0),
    description: freeText(60),
    stages: fc.array(
      fc.record({ title: label(20), description: freeText(40), momentOfTruth: fc.boolean() }),
      { minLength: 1, maxLength: 5 },
    ),
    lanes: fc.array(
      fc.record({
        title: label(20),
        kind: fc.constantFrom(...LANE_KINDS),
        collapsed: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .chain((base) => {
    const cardLanes = base.lanes.flatMap((lane, index) => (holdsCards(lane.kind) ? [index] : []));
    const emotionLanes = base.lanes.flatMap((lane, index) =>
      holdsCards(lane.kind) ? [] : [index],
    );
    const stageIndex = fc.nat({ max: base.stages.length - 1 });
    const cards =
      cardLanes.length === 0
        ? fc.constant([])
        : fc.array(
            fc.record({
              stage: stageIndex,
              lane: fc.constantFrom(...cardLanes),
              text: freeText(80),
              fields: cardFields,
            }),
            { maxLength: 12 },
          );
    const emotions =
      emotionLanes.length === 0
        ? fc.constant([])
        : fc.uniqueArray(
            fc.record({
              stage: stageIndex,
              lane: fc.constantFrom(...emotionLanes),
              score: fc.integer({ min: EMOTION_MIN, max: EMOTION_MAX }),
              note: label(30),
            }),
            { selector: (emotion) => `${emotion.stage}:${emotion.lane}`, maxLength: 8 },
          );
    return fc.record({ cards, emotions }).map(({ cards: cardList, emotions: emotionList }) => {
      // A board lists a cell's cards together, stages left to right, lanes top to bottom.
      const sortedCards = [...cardList].sort((a, b) => a.stage - b.stage || a.lane - b.lane);
      const sortedEmotions = [...emotionList].sort((a, b) => a.stage - b.stage || a.lane - b.lane);
      const file: MapFile = {
        format: 'journeyboard-map',
        version: 1,
        map: {
          title: base.title,
          description: base.description,
          personas: base.personas.map((item, index): MapFilePersona => ({
            id: `persona-${index}`,
            ...item,
            primary: index === 0,
          })),
        },
        stages: base.stages.map((stage, index) => ({ id: `stage-${index}`, ...stage })),
        lanes: base.lanes.map((lane, index) => ({
          id: `lane-${index}`,
          ...lane,
          kind: lane.kind,
        })),
        cards: sortedCards.map((card) => ({
          stage: `stage-${card.stage}`,
          lane: `lane-${card.lane}`,
          text: card.text,
          fields: card.fields,
        })),
        emotions: sortedEmotions.map((emotion) => ({
          stage: `stage-${emotion.stage}`,
          lane: `lane-${emotion.lane}`,
          score: emotion.score,
          note: emotion.note,
        })),
      };
      return file;
    });
  });

/**
 * What a person sees of a map file's board: ids replaced by positions, every
 * field spelled out (an absent field = its default), votes left out.
 */
export function canonicalBoard(file: MapFile) {
  const stage = (id: string) => file.stages.findIndex((item) => item.id === id);
  const lane = (id: string) => file.lanes.findIndex((item) => item.id === id);
  return {
    title: file.map.title,
    description: file.map.description,
    personas: file.map.personas.map(({ id: _id, ...rest }) => rest),
    stages: file.stages.map(({ title, description, momentOfTruth }) => ({
      title,
      description,
      momentOfTruth,
    })),
    lanes: file.lanes.map(({ title, kind, collapsed }) => ({ title, kind, collapsed })),
    cards: file.cards.map((card) => ({
      stage: stage(card.stage),
      lane: lane(card.lane),
      text: card.text,
      fields: { ...DEFAULT_CARD_FIELDS, ...card.fields },
    })),
    emotions: file.emotions.map((emotion) => ({
      stage: stage(emotion.stage),
      lane: lane(emotion.lane),
      score: emotion.score,
      note: emotion.note,
    })),
  };
}

/** Seeds a document from the file (as an import does) and exports it again (as the board does). */
export function throughBoard(file: MapFile): MapFile {
  const doc = new Y.Doc();
  seedBoard(doc, file);
  const exported = boardToMapFile(readBoard(doc), {
    title: file.map.title,
    description: file.map.description,
    personas: file.map.personas,
  });
  doc.destroy();
  return exported;
}
