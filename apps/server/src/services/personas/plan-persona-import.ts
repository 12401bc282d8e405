import type { Prisma, PrismaClient } from '@journeyboard/db';
import { MAP_PERSONAS_MAX, personaInitials, type TImportedPersonas } from '@journeyboard/shared';
import type { MapFilePersona } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import { colorFor } from './create-persona.ts';

/** One link the import makes: to a persona already in the workspace, or to one it creates. */
export type PersonaLinkPlan =
  | { readonly primary: boolean; readonly existingId: string }
  | {
      readonly primary: boolean;
      readonly create: Omit<Prisma.PersonaCreateManyInput, 'workspaceId'>;
    };

export interface PersonaImportPlan {
  /** How many personas the file lists. */
  readonly inFile: number;
  readonly links: readonly PersonaLinkPlan[];
  readonly summary: TImportedPersonas;
}

/** How names are matched: a person retyping "Dana " or "dana" means the same persona. */
export const personaNameKey = (name: string) => name.trim().toLocaleLowerCase();

/**
 * What importing a file's personas into `workspaceId` does: a persona whose
 * name (ignoring case and outer spaces) is already in the workspace is
 * linked as it is there — the workspace's persona is never overwritten by a
 * file — and any other is created with the file's details. A name twice in
 * the file counts once. The primary is the file's, else the first.
 */
export async function planPersonaImport(
  prisma: Pick<PrismaClient, 'persona'>,
  workspaceId: string,
  personas: readonly MapFilePersona[],
  createdById: string | null,
): Promise<PersonaImportPlan> {
  if (personas.length === 0) return { inFile: 0, links: [], summary: { created: [], linked: [] } };
  const existing = await prisma.persona.findMany({
    where: { workspaceId },
    select: { id: true, name: true },
    orderBy: { createdAt: 'asc' },
  });
  const byName = new Map<string, string>();
  for (const persona of existing) {
    const key = personaNameKey(persona.name);
    if (!byName.has(key)) byName.set(key, persona.id);
  }
  const primaryIndex = Math.max(
    0,
    personas.findIndex((persona) => persona.primary),
  );
  const seen = new Set<string>();
  const links: PersonaLinkPlan[] = [];
  const summary: { created: string[]; linked: string[] } = { created: [], linked: [] };
  personas.forEach((persona, index) => {
    const key = personaNameKey(persona.name);
    if (seen.has(key)) return;
    seen.add(key);
    const primary = index === primaryIndex;
    const existingId = byName.get(key);
    if (existingId) {
      links.push({ primary, existingId });
      summary.linked.push(persona.name);
      return;
    }
    links.push({
      primary,
      create: {
        name: persona.name.trim(),
        title: persona.title,
        segment: persona.segment,
        initials: (persona.initials ?? personaInitials(persona.name)).toUpperCase(),
        color: (persona.color ?? colorFor(persona.name)).toLowerCase(),
        goals: persona.goals,
        needs: persona.needs,
        behaviours: persona.behaviours,
        channels: persona.channels,
        quote: persona.quote,
        createdById,
      },
    });
    summary.created.push(persona.name);
  });
  return { inFile: personas.length, links, summary };
}

const personasWord = (count: number) => `${count} persona${count === 1 ? '' : 's'}`;

/**
 * Refuses a plan that would leave the map linking more than a map may
 * (MAP_PERSONAS_MAX), saying how many it links, how many the file adds and
 * how many to leave out. A persona the map already links adds nothing.
 */
function checkPersonaLimit(plan: PersonaImportPlan, linkedIds: ReadonlySet<string>): void {
  const added = plan.links.filter(
    (link) => !('existingId' in link) || !linkedIds.has(link.existingId),
  ).length;
  const total = linkedIds.size + added;
  if (total <= MAP_PERSONAS_MAX) return;
  const over = total - MAP_PERSONAS_MAX;
  throw new AppError(
    'MAP_PERSONA_LIMIT',
    linkedIds.size === 0
      ? `A map can link at most ${MAP_PERSONAS_MAX} personas, and this file has ${plan.inFile}: remove ${over} from the file, then import it again.`
      : `A map can link at most ${MAP_PERSONAS_MAX} personas. This map already links ${linkedIds.size} and the file has ${personasWord(plan.inFile)}, ${added} of them not linked to it yet (${total} in all): unlink ${over} from the map (Personas) or remove ${over} from the file, then import it again.`,
  );
}

/**
 * Writes a plan's links to `mapId` inside the caller's transaction, under a
 * row lock on the map (as `setMapPersonas` takes), so the limit holds against
 * a concurrent change of its personas; over the limit, it throws before
 * writing anything and the caller's transaction rolls back. With
 * `keepPrimary`, a map that already has a primary persona keeps it.
 */
export async function writePersonaImport(
  tx: Prisma.TransactionClient,
  mapId: string,
  workspaceId: string,
  plan: PersonaImportPlan,
  options: { keepPrimary: boolean },
): Promise<void> {
  if (plan.links.length === 0) return;
  await tx.$queryRaw`SELECT id FROM journey_maps WHERE id = ${mapId}::uuid FOR UPDATE`;
  const linked = await tx.mapPersona.findMany({
    where: { mapId },
    select: { personaId: true, primary: true },
  });
  checkPersonaLimit(plan, new Set(linked.map((link) => link.personaId)));
  const hasPrimary = options.keepPrimary && linked.some((link) => link.primary);
  for (const link of plan.links) {
    const personaId =
      'existingId' in link
        ? link.existingId
        : (await tx.persona.create({ data: { ...link.create, workspaceId }, select: { id: true } }))
            .id;
    const primary = link.primary && !hasPrimary;
    await tx.mapPersona.upsert({
      where: { mapId_personaId: { mapId, personaId } },
      create: { mapId, personaId, primary },
      update: {},
    });
  }
}
