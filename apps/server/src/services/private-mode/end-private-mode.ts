import type { PrismaClient } from '@journeyboard/db';
import { ANONYMOUS_PARTICIPANT, type EditAuthor, type TPrivateMode } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { authorOfParticipant } from '../../sync/attribution.ts';
import type { SyncServer } from '../../sync/sync-server.ts';
import { placePrivateCards } from './place-private-cards.ts';
import { toPrivateMode } from './private-mode-view.ts';

export interface PrivateModeEnded {
  readonly privateMode: TPrivateMode;
  /** False when it was not running (ending twice, two facilitators at once): nothing changed. */
  readonly changed: boolean;
  /** Whose private cards were revealed (their tabs drop their private copies). */
  readonly authorKeys: readonly string[];
}

/**
 * Ends the silent brainstorm and reveals every private card at once, in ONE
 * Postgres transaction holding the mode's row FOR UPDATE:
 *
 * 1. read every private card of the map (a card write holds the row FOR
 *    SHARE, so none lands or is lost in between);
 * 2. put them on the live board (placePrivateCards: the shared addCard op,
 *    each card under its own id), relayed and stored like any edit — and
 *    wait until it is stored. One transaction per author's run of cards
 *    (`revealers`), all in one turn of the event loop, so everyone
 *    connected gets them as one update (update-outbox.ts) and the history
 *    names who wrote each card;
 * 3. delete the rows, mark the mode ended, commit.
 *
 * A crash or a failed commit after step 2 leaves the rows and the running
 * mode: the next end reveals again, and cards already on the board (same
 * ids) are not added twice. Ending a mode that is not running changes
 * nothing, so two facilitators ending at once reveal once.
 */
export async function endPrivateMode(
  prisma: PrismaClient,
  sync: SyncServer,
  input: { mapId: string; anonymous: boolean },
): Promise<PrivateModeEnded> {
  const { mapId, anonymous } = input;
  return prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<
        {
          running: boolean;
          startedByName: string | null;
          startedAt: Date | null;
          revealedCount: number;
          anonymous: boolean;
          revision: number;
        }[]
      >`
        SELECT running, "startedByName", "startedAt", "revealedCount", anonymous, revision
        FROM private_mode WHERE "mapId" = ${mapId}::uuid FOR UPDATE`;
      const row = rows[0] ?? null;
      if (!row?.running) return { privateMode: toPrivateMode(row), changed: false, authorKeys: [] };

      const cards = await tx.privateCard.findMany({
        where: { mapId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      let revealed = 0;
      if (cards.length > 0) {
        const placed = await sync.withBoard(mapId, async (board) => {
          let count = 0;
          for (const [revealer, theirs] of revealers(cards, { anonymous })) {
            board.change(revealer, (doc) => {
              count += placePrivateCards(doc, theirs, { anonymous });
            });
          }
          await board.stored();
          return count;
        });
        if (placed === null) throw new AppError('MAP_NOT_FOUND');
        revealed = placed;
      }
      await tx.privateCard.deleteMany({ where: { mapId } });
      const ended = await tx.privateMode.update({
        where: { mapId },
        data: { running: false, revealedCount: revealed, anonymous, revision: { increment: 1 } },
      });
      return {
        privateMode: toPrivateMode(ended),
        changed: true,
        authorKeys: [...new Set(cards.map((card) => card.authorKey))],
      };
    },
    // Loading a board nobody has open, and storing the reveal, may take a while.
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/**
 * Who each revealed card is added by, in the history: its author (a named
 * reveal), or ANONYMOUS_PARTICIPANT for all of them (an anonymous one — the
 * activity feed must not give away who wrote what). Cards keep the order
 * they were written in (a cell shows them so): one run per stretch of cards
 * by the same author.
 */
function revealers<Card extends { authorKey: string; authorName: string }>(
  cards: readonly Card[],
  options: { anonymous: boolean },
): [EditAuthor, Card[]][] {
  if (options.anonymous) return [[ANONYMOUS_PARTICIPANT, [...cards]]];
  const runs: { key: string; author: EditAuthor; cards: Card[] }[] = [];
  for (const card of cards) {
    const last = runs[runs.length - 1];
    if (last?.key === card.authorKey) last.cards.push(card);
    else {
      const author = authorOfParticipant({ key: card.authorKey, name: card.authorName });
      runs.push({ key: card.authorKey, author, cards: [card] });
    }
  }
  return runs.map((run) => [run.author, run.cards]);
}
