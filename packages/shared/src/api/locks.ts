import { z } from 'zod';
import { ITEM_LOCK_SCOPES, LOCK_SCOPES } from '../board/locks.ts';
import { ANCHOR_ID_MAX } from './comments.ts';
import { ZLine } from './text.ts';

/**
 * One facilitator lock (what each covers: packages/shared/src/board/locks.ts).
 * `board` and `structure` name no item; `stage`, `lane` and `card` name one
 * by its board id.
 */
export const ZBoardLock = z
  .strictObject({
    scope: z.enum(LOCK_SCOPES, {
      error: `scope is one of: ${LOCK_SCOPES.join(', ')}.`,
    }),
    itemId: ZLine('The item id')
      .min(1, 'Send the id of the stage, lane or card to lock.')
      .max(ANCHOR_ID_MAX, 'That is not a stage, lane or card id.')
      .nullable()
      .default(null),
  })
  .refine(
    (lock) =>
      (ITEM_LOCK_SCOPES as readonly string[]).includes(lock.scope) === (lock.itemId !== null),
    {
      path: ['itemId'],
      message:
        'A stage, lane or card lock names its item (itemId); a board or structure lock names none.',
    },
  );
export type TBoardLockRequest = z.input<typeof ZBoardLock>;

/** The map's locks now; `revision` grows with every change (keep the highest). */
export const ZMapLocks = z.object({
  locks: z.array(
    z.object({
      scope: z.enum(LOCK_SCOPES),
      itemId: z.string().nullable(),
    }),
  ),
  revision: z.number().int().min(0),
});
export type TMapLocks = z.infer<typeof ZMapLocks>;

/** On the map's event stream, to everyone on the map: the locks' new state. */
export const ZLocksEvent = z.object({ type: z.literal('locks'), locks: ZMapLocks });
