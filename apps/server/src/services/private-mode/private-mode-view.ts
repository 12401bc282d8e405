import type { PrismaClient } from '@journeyboard/db';
import type { TPrivateCard, TPrivateMode } from '@journeyboard/shared';

type Db = Pick<PrismaClient, 'privateMode' | 'privateCard'>;

interface PrivateModeRow {
  running: boolean;
  startedByName: string | null;
  startedAt: Date | null;
  revealedCount: number;
  anonymous: boolean;
  revision: number;
}

/** What the API and the event stream carry; a map that never had a brainstorm reads as "not running". */
export function toPrivateMode(row: PrivateModeRow | null): TPrivateMode {
  if (!row)
    return { running: false, startedBy: null, startedAt: null, lastReveal: null, revision: 0 };
  const revealedOnce = !row.running && row.revision > 0;
  return {
    running: row.running,
    startedBy: row.running ? row.startedByName : null,
    startedAt: row.running ? (row.startedAt?.toISOString() ?? null) : null,
    lastReveal: revealedOnce ? { cards: row.revealedCount, anonymous: row.anonymous } : null,
    revision: row.revision,
  };
}

export async function readPrivateMode(db: Db, mapId: string): Promise<TPrivateMode> {
  return toPrivateMode(await db.privateMode.findUnique({ where: { mapId } }));
}

/** Whether a silent brainstorm runs on the map (the sync server's lock guard asks). */
export async function privateModeRunning(db: Db, mapId: string): Promise<boolean> {
  const row = await db.privateMode.findUnique({ where: { mapId }, select: { running: true } });
  return row?.running ?? false;
}

interface PrivateCardRow {
  id: string;
  stageId: string;
  laneId: string;
  text: string;
  fields: unknown;
  createdAt: Date;
  updatedAt: Date;
}

export function toPrivateCard(row: PrivateCardRow): TPrivateCard {
  const fields =
    row.fields && typeof row.fields === 'object' && !Array.isArray(row.fields)
      ? (row.fields as TPrivateCard['fields'])
      : {};
  return {
    id: row.id,
    stageId: row.stageId,
    laneId: row.laneId,
    text: row.text,
    fields,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * One author's private cards on the map, oldest first. The ONLY read of
 * private cards besides the reveal: it always filters by the author's key.
 */
export async function listPrivateCards(
  db: Db,
  mapId: string,
  authorKey: string,
): Promise<TPrivateCard[]> {
  const rows = await db.privateCard.findMany({
    where: { mapId, authorKey },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toPrivateCard);
}
