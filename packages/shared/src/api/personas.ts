import { z } from 'zod';
import { ZLine } from './text.ts';
import { zId } from './ids.ts';

export const PERSONA_NAME_MAX = 80;
export const PERSONA_TEXT_MAX = 200;
export const PERSONA_QUOTE_MAX = 500;
export const PERSONA_LIST_MAX = 20;
export const PERSONA_ITEM_MAX = 300;
export const MAP_PERSONAS_MAX = 20;

const text = (label: string, max = PERSONA_TEXT_MAX) =>
  ZLine(label).max(max, `Keep ${label.toLowerCase()} to ${max} characters or fewer.`);

const list = (label: string) =>
  z
    .array(
      ZLine(`Each of the ${label.toLowerCase()}`)
        .min(1, `Leave out empty ${label.toLowerCase()}.`)
        .max(
          PERSONA_ITEM_MAX,
          `Keep each of the ${label.toLowerCase()} to ${PERSONA_ITEM_MAX} characters or fewer.`,
        ),
      { error: `${label} must be a list of text.` },
    )
    .max(PERSONA_LIST_MAX, `List at most ${PERSONA_LIST_MAX} ${label.toLowerCase()}.`);

const ZName = ZLine('Name')
  .min(1, 'Give the persona a name.')
  .max(PERSONA_NAME_MAX, `Keep the name to ${PERSONA_NAME_MAX} characters or fewer.`);

// No defaults here: in an update, a field left out must stay as it is.
const PERSONA_FIELDS = {
  /** Their job or role in their own world ("Operations lead"). */
  title: text('Role'),
  segment: text('Segment'),
  /** Avatar letters; default: the first letters of the name. */
  initials: ZLine('Initials')
    .min(1, 'Initials need at least one letter.')
    .max(3, 'Use at most three letters for the initials.'),
  color: ZLine('Colour')
    .regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #3b82f6.')
    .transform((color) => color.toLowerCase()),
  goals: list('Goals'),
  needs: list('Needs'),
  behaviours: list('Behaviours'),
  channels: list('Channels'),
  quote: text('The quote', PERSONA_QUOTE_MAX),
};

export const ZCreatePersonaRequest = z.strictObject({
  name: ZName,
  title: PERSONA_FIELDS.title.default(''),
  segment: PERSONA_FIELDS.segment.default(''),
  initials: PERSONA_FIELDS.initials.optional(),
  color: PERSONA_FIELDS.color.optional(),
  goals: PERSONA_FIELDS.goals.default([]),
  needs: PERSONA_FIELDS.needs.default([]),
  behaviours: PERSONA_FIELDS.behaviours.default([]),
  channels: PERSONA_FIELDS.channels.default([]),
  quote: PERSONA_FIELDS.quote.default(''),
});
export type TCreatePersonaRequest = z.input<typeof ZCreatePersonaRequest>;

/** Only the fields sent change. */
export const ZUpdatePersonaRequest = z
  .strictObject({ name: ZName, ...PERSONA_FIELDS })
  .partial()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'Send at least one field to change.',
  });
export type TUpdatePersonaRequest = z.input<typeof ZUpdatePersonaRequest>;

export const ZPersona = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  title: z.string(),
  segment: z.string(),
  initials: z.string(),
  color: z.string(),
  goals: z.array(z.string()),
  needs: z.array(z.string()),
  behaviours: z.array(z.string()),
  channels: z.array(z.string()),
  quote: z.string(),
  /** The maps it is linked to (those a delete would unlink). */
  mapIds: z.array(z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TPersona = z.infer<typeof ZPersona>;

export const ZListPersonasResponse = z.object({ personas: z.array(ZPersona) });
export type TListPersonasResponse = z.infer<typeof ZListPersonasResponse>;

export const ZMapPersona = ZPersona.extend({ primary: z.boolean() });
export type TMapPersona = z.infer<typeof ZMapPersona>;

export const ZListMapPersonasResponse = z.object({ personas: z.array(ZMapPersona) });

/**
 * A map's linked personas changed (linked, unlinked, a linked persona edited
 * or deleted): the new list, as `routes.personas.listForMap` answers this
 * watcher. Replace your copy — a panel or an export left with the old list
 * showed leaders a persona the team had replaced, and a teammate's save
 * from it unlinked what someone else had just linked.
 */
export const ZMapPersonasEvent = z.object({
  type: z.literal('map-personas'),
  mapId: z.string(),
  personas: z.array(ZMapPersona),
});
export type TMapPersonasEvent = z.infer<typeof ZMapPersonasEvent>;
export type TListMapPersonasResponse = z.infer<typeof ZListMapPersonasResponse>;

/** Replaces the map's links. The first persona is primary unless `primaryId` names another. */
export const ZSetMapPersonasRequest = z
  .strictObject({
    personaIds: z
      .array(zId('personaIds are persona ids.'))
      .max(MAP_PERSONAS_MAX, `Link at most ${MAP_PERSONAS_MAX} personas to a map.`),
    primaryId: zId('primaryId is a persona id.').nullable().optional(),
  })
  .refine((body) => !body.primaryId || body.personaIds.includes(body.primaryId), {
    message: 'The primary persona must be one of personaIds.',
    path: ['primaryId'],
  })
  .refine((body) => new Set(body.personaIds).size === body.personaIds.length, {
    message: 'List each persona once.',
    path: ['personaIds'],
  });
export type TSetMapPersonasRequest = z.input<typeof ZSetMapPersonasRequest>;

/** The avatar colours the UI offers; the server picks one from the name when none is sent. */
export const PERSONA_COLORS = [
  '#2563eb',
  '#7c3aed',
  '#db2777',
  '#dc2626',
  '#ea580c',
  '#16a34a',
  '#0d9488',
  '#475569',
] as const;

/** "Ana María López" → "AL"; a single word → its first two letters. */
export function personaInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    words.length > 1
      ? `${words[0]?.[0] ?? ''}${words[words.length - 1]?.[0] ?? ''}`
      : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase() || '?';
}
