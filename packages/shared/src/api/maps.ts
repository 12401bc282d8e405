import { z } from 'zod';
import { TEMPLATE_IDS } from '../board/templates.ts';
import { ZMapFileV1 } from '../board/interchange/map-file.ts';
import { zId, zLookupId } from './ids.ts';
import { ZLine, ZText } from './text.ts';
import { ZMapCapabilities } from '../capabilities/actions.ts';
import { ZMapLifecycle, ZMapStatus } from './lifecycle.ts';

export const MAP_TITLE_MAX = 120;
export const MAP_DESCRIPTION_MAX = 2000;

const ZMapTitle = ZLine('Title')
  .min(1, 'Give the map a title.')
  .max(MAP_TITLE_MAX, `Keep the title to ${MAP_TITLE_MAX} characters or fewer.`);

const ZMapDescription = ZText('Description', { trim: false }).max(
  MAP_DESCRIPTION_MAX,
  `Keep the description to ${MAP_DESCRIPTION_MAX} characters or fewer.`,
);

export const ZTemplateId = z.enum(TEMPLATE_IDS, {
  error: `Template must be one of: ${TEMPLATE_IDS.join(', ')}.`,
});

export const ZJourneyMap = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Always sent by the server; optional so older clients and fixtures still parse. */
  workspaceId: z.string().optional(),
  /**
   * What the caller may do with this map (packages/shared/src/capabilities).
   * Always sent by the server; optional so maps stored on a device by an
   * older version still parse (they then offer nothing but reading).
   */
  capabilities: ZMapCapabilities.optional(),
  /**
   * Status, owner, review date, future-state links (lifecycle.ts). Always
   * sent by the server; optional so maps stored on a device by an older
   * version still parse.
   */
  lifecycle: ZMapLifecycle.optional(),
});
export type TJourneyMap = z.infer<typeof ZJourneyMap>;

/**
 * Someone renamed the map or changed its description (map event stream, to
 * everyone on the map): a header, a tab title and an export show the new
 * name without a reload. Keep the state with the newest `updatedAt`.
 */
export const ZMapDetailsEvent = z.object({
  type: z.literal('map-details'),
  title: z.string(),
  description: z.string(),
  updatedAt: z.iso.datetime(),
});
export type TMapDetailsEvent = z.infer<typeof ZMapDetailsEvent>;

export const ZCreateMapRequest = z.strictObject({
  title: ZMapTitle,
  description: ZMapDescription.default(''),
  template: ZTemplateId.default('blank'),
  /** Where the map goes; default: the caller's personal workspace. */
  workspaceId: zLookupId('WORKSPACE_NOT_FOUND', 'The workspace id').optional(),
});
export type TCreateMapRequest = z.input<typeof ZCreateMapRequest>;

export const ZUpdateMapRequest = z
  .strictObject({ title: ZMapTitle.optional(), description: ZMapDescription.optional() })
  .refine((body) => body.title !== undefined || body.description !== undefined, {
    message: 'Send a title or a description to change.',
  });
export type TUpdateMapRequest = z.input<typeof ZUpdateMapRequest>;

export const ZListMapsQuery = z.object({
  /** Only this workspace's maps; default: every workspace the caller belongs to. */
  workspaceId: zLookupId('WORKSPACE_NOT_FOUND', 'The workspace id').optional(),
  /** Only maps with this status; default: every status but archived (archived maps only when asked). */
  status: ZMapStatus.optional(),
  /** Only maps this member owns. */
  ownerId: zId('The owner must be a member id as the API returned it.').optional(),
});
export type TListMapsQuery = z.input<typeof ZListMapsQuery>;

export const ZListMapsResponse = z.object({ maps: z.array(ZJourneyMap) });
export type TListMapsResponse = z.infer<typeof ZListMapsResponse>;

export const SEARCH_QUERY_MAX = 200;

export const ZSearchMapsQuery = z.object({
  /** Words to find in map titles, descriptions and card text; the last may be a prefix. */
  q: ZLine('The search')
    .min(1, 'Type something to search for.')
    .max(SEARCH_QUERY_MAX, `Keep the search to ${SEARCH_QUERY_MAX} characters or fewer.`),
});
export type TSearchMapsQuery = z.input<typeof ZSearchMapsQuery>;

export const ZMapSearchResult = z.object({
  map: ZJourneyMap,
  workspaceName: z.string(),
  /** Where the words were found, plain text with the matches between « and » (never HTML). */
  snippet: z.string(),
});
export type TMapSearchResult = z.infer<typeof ZMapSearchResult>;

export const ZSearchMapsResponse = z.object({ results: z.array(ZMapSearchResult) });
export type TSearchMapsResponse = z.infer<typeof ZSearchMapsResponse>;

export const ZMoveMapRequest = z.strictObject({
  workspaceId: zLookupId('WORKSPACE_NOT_FOUND', 'The workspace id'),
});
export type TMoveMapRequest = z.input<typeof ZMoveMapRequest>;

export const ZMoveMapResponse = z.object({
  map: ZJourneyMap,
  /** Personas of the old workspace linked to the map: copied into the new one and linked instead. */
  personasCopied: z.number().int().min(0),
});
export type TMoveMapResponse = z.infer<typeof ZMoveMapResponse>;
/**
 * A map file to create a new map from (the interchange format,
 * `board/interchange/map-file.ts`; the web reads older versions and sheets
 * and sends the current version). The request body may be up to
 * `IMPORT_BODY_LIMIT` bytes.
 */
export const ZImportMapRequest = z.strictObject({
  map: ZMapFileV1,
  /** Overrides the file's title. */
  title: ZMapTitle.optional(),
  /** Where the map goes; default: the caller's personal workspace. */
  workspaceId: zLookupId('WORKSPACE_NOT_FOUND', 'The workspace id').optional(),
});
export type TImportMapRequest = z.input<typeof ZImportMapRequest>;

/**
 * A map file to import into an existing map that is empty (`boardEmptiness`:
 * no cards, no emotion scores, the stages and lanes of a new blank map or
 * none). Its board replaces the empty one on the live document; its personas
 * are linked to the map.
 */
export const ZImportIntoMapRequest = z.strictObject({ map: ZMapFileV1 });
export type TImportIntoMapRequest = z.input<typeof ZImportIntoMapRequest>;

/** What an import did with the file's personas (by name), beside the board it wrote. */
export const ZImportedPersonas = z.object({
  /** New personas made in the workspace from the file. */
  created: z.array(z.string()),
  /** Personas of the workspace with the same name, linked instead of copied. */
  linked: z.array(z.string()),
});
export type TImportedPersonas = z.infer<typeof ZImportedPersonas>;

export const ZImportIntoMapResponse = z.object({
  stages: z.number().int(),
  lanes: z.number().int(),
  cards: z.number().int(),
  personas: ZImportedPersonas,
});
export type TImportIntoMapResponse = z.infer<typeof ZImportIntoMapResponse>;

/** The largest import request body: a map file at its size limits fits. */
export const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;
