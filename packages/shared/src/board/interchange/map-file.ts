/**
 * THE map interchange format, version 1 ("journeyboard-map"): a whole map —
 * its title, description, linked personas, stages, lanes, cards with every
 * field, emotion scores and vote results — as plain JSON. Exports write it,
 * imports read it (and every older version we ever wrote: see
 * `read-map-file.ts`), the server validates it before it creates a map.
 * The JSON Schema at `/schemas/journeyboard-map.v1.json` is generated from
 * `ZMapFileV1` (`pnpm schemas:generate`); docs/map-format.md describes it.
 *
 * Cards carry their fields as one object keyed by the board's field names
 * (`CARD_FIELD_NAMES`, from the lane-kind registry), so a field a new lane
 * kind (or a new common field) adds travels without a change here.
 */
import { z } from 'zod';
import {
  MAP_PERSONAS_MAX,
  PERSONA_ITEM_MAX,
  PERSONA_LIST_MAX,
  PERSONA_NAME_MAX,
  PERSONA_QUOTE_MAX,
  PERSONA_TEXT_MAX,
} from '../../api/personas.ts';
import { ZText } from '../../api/text.ts';
import { BOARD_TEXT_LIMITS } from '../bounds.ts';
import {
  cardFieldMaxLength,
  CARD_FIELD_NAMES,
  DEFAULT_CARD_FIELDS,
  normalizeCardField,
} from '../card-fields.ts';
import { holdsCards, LANE_KINDS, laneKindField, type LaneKind } from '../lane-kinds/index.ts';
import { CARD_COLORS, EMOTION_MAX, EMOTION_MIN } from '../types.ts';

export const MAP_FILE_FORMAT = 'journeyboard-map';
export const MAP_FILE_VERSION = 1;
/** Where the web app serves the schema of this version (a stable address). */
export const MAP_FILE_SCHEMA_PATH = '/schemas/journeyboard-map.v1.json';

/** Size limits of one imported map: far above any real workshop, low enough to stay fast. */
export const MAP_FILE_LIMITS = {
  stages: 100,
  lanes: 50,
  cards: 5000,
  cardText: BOARD_TEXT_LIMITS.cardText,
  title: 120,
  description: 2000,
  /** The file itself, before it is read (JSON, XLSX or CSV). */
  bytes: 5 * 1024 * 1024,
} as const;

/**
 * Text in a file, kept exactly as written (no trimming, so a round trip gives
 * back the same board) but under the API's one rule: no control characters
 * besides tab and line breaks (a NUL would reach PostgreSQL).
 */
const fileText = (label: string) => ZText(label, { trim: false });

const ZKey = fileText('An id')
  .min(1)
  .max(64)
  .describe('An id that is unique in this file; cards and emotions refer to it.');

/** The schema of one card field, from the registry entry that declares it. */
function fieldSchema(name: string): z.ZodType {
  if (name === 'color') return z.enum(CARD_COLORS);
  if (name === 'momentOfTruth') return z.boolean();
  const field = laneKindField(name);
  if (field?.type === 'choice') {
    const values = field.options.map((option) => option.value);
    return z
      .union(values.map((value) => z.literal(value)))
      .nullable()
      .describe(`${field.label}: one of ${values.join(', ')}, or null when not set.`);
  }
  if (field?.type === 'text')
    return fileText(field.label)
      .max(cardFieldMaxLength(name))
      .describe(`${field.label} ('' when not set).`);
  // A common field declared outside the registry: typed by its default value.
  const fallback = (DEFAULT_CARD_FIELDS as unknown as Record<string, unknown>)[name];
  if (typeof fallback === 'boolean') return z.boolean();
  if (typeof fallback === 'string') return fileText(name).max(cardFieldMaxLength(name));
  return z.union([fileText(name), z.number(), z.boolean(), z.null()]);
}

/** Every card field, each optional (an absent field is not set). */
export const ZMapFileCardFields = z
  .object(Object.fromEntries(CARD_FIELD_NAMES.map((name) => [name, fieldSchema(name).optional()])))
  .describe('The card’s fields besides its text, by name; absent = not set.');

const ZMapFileStage = z.object({
  id: ZKey,
  title: fileText('A stage title').max(BOARD_TEXT_LIMITS.title),
  description: fileText('A stage description').max(BOARD_TEXT_LIMITS.description).default(''),
  momentOfTruth: z.boolean().default(false),
});

const ZMapFileLane = z.object({
  id: ZKey,
  title: fileText('A lane title').max(BOARD_TEXT_LIMITS.title),
  kind: z.enum(LANE_KINDS as [LaneKind, ...LaneKind[]]),
  collapsed: z.boolean().default(false),
});

const ZMapFileCard = z.object({
  stage: ZKey.describe('The id of the stage the card is in.'),
  lane: ZKey.describe('The id of the lane the card is in (a lane that holds cards).'),
  text: fileText('Card text').max(MAP_FILE_LIMITS.cardText),
  fields: ZMapFileCardFields.default({}),
  votes: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Dots from the latest revealed voting round; informative, not imported.'),
});

const ZMapFileEmotion = z.object({
  stage: ZKey,
  lane: ZKey.describe('The id of an emotion lane.'),
  score: z.number().int().min(EMOTION_MIN).max(EMOTION_MAX),
  note: fileText('An emotion note').max(BOARD_TEXT_LIMITS.emotionNote).default(''),
});

const personaList = (label: string) =>
  z.array(fileText(label).min(1).max(PERSONA_ITEM_MAX)).max(PERSONA_LIST_MAX).default([]);

/**
 * A persona linked to the map, with everything a person wrote about it, so
 * an import can create it in the target workspace (or link one there of the
 * same name). Files written before personas were imported carry only `id`
 * and `name`; the rest has defaults, so they still read (version 1 both).
 */
const ZMapFilePersona = z.object({
  id: fileText('A persona id').describe('The persona’s id where it was exported; informative.'),
  name: fileText('A persona name').min(1).max(PERSONA_NAME_MAX),
  title: fileText('A persona role').max(PERSONA_TEXT_MAX).default(''),
  segment: fileText('A persona segment').max(PERSONA_TEXT_MAX).default(''),
  initials: fileText('Persona initials')
    .min(1)
    .max(3)
    .optional()
    .describe('Avatar letters; absent: the first letters of the name.'),
  color: fileText('A persona colour')
    .regex(/^#[0-9a-fA-F]{6}$/, 'A persona colour must look like #3b82f6.')
    .optional()
    .describe('Avatar colour (#rrggbb); absent: one picked from the name.'),
  goals: personaList('A persona goal'),
  needs: personaList('A persona need'),
  behaviours: personaList('A persona behaviour'),
  channels: personaList('A persona channel'),
  quote: fileText('A persona quote').max(PERSONA_QUOTE_MAX).default(''),
  primary: z.boolean().default(false).describe('The map’s primary persona.'),
});

const ZMapFileVersion1Shape = z.object({
  $schema: fileText('$schema').optional(),
  format: z.literal(MAP_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: fileText('exportedAt').optional().describe('When the file was written (ISO 8601).'),
  map: z.object({
    title: fileText('The map title').min(1).max(MAP_FILE_LIMITS.title),
    description: fileText('The map description').max(MAP_FILE_LIMITS.description).default(''),
    personas: z
      .array(ZMapFilePersona)
      .max(MAP_PERSONAS_MAX, {
        // The count and what to do: the person fixes the file, not the request.
        error: (issue) => {
          const count = Array.isArray(issue.input) ? issue.input.length : MAP_PERSONAS_MAX + 1;
          return `This file has ${count} personas, and a map can link at most ${MAP_PERSONAS_MAX}: remove ${count - MAP_PERSONAS_MAX} from the file, then import it again.`;
        },
      })
      .default([])
      .describe(
        'The personas linked to the map. An import links a persona of the same name in the target workspace, else creates it.',
      ),
  }),
  stages: z.array(ZMapFileStage).max(MAP_FILE_LIMITS.stages).describe('Left to right.'),
  lanes: z.array(ZMapFileLane).max(MAP_FILE_LIMITS.lanes).describe('Top to bottom.'),
  cards: z
    .array(ZMapFileCard)
    .max(MAP_FILE_LIMITS.cards)
    .describe('In each cell (stage × lane), top to bottom.'),
  emotions: z.array(ZMapFileEmotion).default([]),
});

/** References and kinds that a shape alone can't say: every id known, cards only in card lanes. */
function checkReferences(file: z.output<typeof ZMapFileVersion1Shape>, ctx: z.RefinementCtx) {
  const stageIds = new Set<string>();
  file.stages.forEach((stage, index) => {
    if (stageIds.has(stage.id))
      ctx.addIssue({
        code: 'custom',
        path: ['stages', index, 'id'],
        message: `Stage id '${stage.id}' is used twice.`,
      });
    stageIds.add(stage.id);
  });
  const laneKinds = new Map<string, LaneKind>();
  file.lanes.forEach((lane, index) => {
    if (laneKinds.has(lane.id))
      ctx.addIssue({
        code: 'custom',
        path: ['lanes', index, 'id'],
        message: `Lane id '${lane.id}' is used twice.`,
      });
    laneKinds.set(lane.id, lane.kind);
  });
  file.cards.forEach((card, index) => {
    const path = ['cards', index];
    if (!stageIds.has(card.stage))
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'stage'],
        message: `Card ${index + 1}: there is no stage '${card.stage}'.`,
      });
    const kind = laneKinds.get(card.lane);
    if (kind === undefined)
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'lane'],
        message: `Card ${index + 1}: there is no lane '${card.lane}'.`,
      });
    else if (!holdsCards(kind))
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'lane'],
        message: `Card ${index + 1}: lane '${card.lane}' is an emotion lane; it holds scores, not cards.`,
      });
    for (const [name, value] of Object.entries(card.fields)) {
      if (value !== undefined && normalizeCardField(name as never, value) === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'fields', name],
          message: `Card ${index + 1}: ${JSON.stringify(value)} is not a valid ${name}.`,
        });
    }
  });
  const seen = new Set<string>();
  file.emotions.forEach((emotion, index) => {
    const path = ['emotions', index];
    if (!stageIds.has(emotion.stage))
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'stage'],
        message: `Emotion ${index + 1}: there is no stage '${emotion.stage}'.`,
      });
    const kind = laneKinds.get(emotion.lane);
    if (kind === undefined || holdsCards(kind))
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'lane'],
        message: `Emotion ${index + 1}: '${emotion.lane}' is not an emotion lane.`,
      });
    const key = `${emotion.stage}:${emotion.lane}`;
    if (seen.has(key))
      ctx.addIssue({
        code: 'custom',
        path,
        message: `Emotion ${index + 1}: this stage already has a score in that lane.`,
      });
    seen.add(key);
  });
}

/** Version 1 of the map file, with its cross-references checked. */
export const ZMapFileV1 = ZMapFileVersion1Shape.superRefine(checkReferences);

/** Only the shape (for the JSON Schema, which can't say the cross-references). */
export const ZMapFileV1Shape = ZMapFileVersion1Shape;

/** A map file as validated (defaults filled in). */
export type MapFile = z.output<typeof ZMapFileV1>;
/** A map file as it may be written (defaults may be left out). */
export type MapFileInput = z.input<typeof ZMapFileV1>;
export type MapFileStage = MapFile['stages'][number];
export type MapFileLane = MapFile['lanes'][number];
export type MapFileCard = MapFile['cards'][number];
export type MapFileEmotion = MapFile['emotions'][number];
export type MapFilePersona = MapFile['map']['personas'][number];
