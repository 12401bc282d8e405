import type { TPrivateMode } from '@journeyboard/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys } from '../api/query-keys.ts';
import { useAccount, useWorkshopGuest } from '../auth/me.ts';
import { useBoardActions, useBoardReader } from '../board/use-board.ts';
import { useMapEventStore } from '../map-events/map-event-store.ts';
import { keepDraftOnBoard, type PrivateDraft } from './private-draft.ts';

/**
 * Puts a private card still being written when the reveal came on the board (private-draft.ts),
 * signed as the reveal signed everyone's: a named reveal's cards say "by …", and one kept back
 * by an editor or a reload came without it. Read when called: the reveal may have come since.
 */
export function useKeepDraftOnBoard(): (draft: PrivateDraft) => void {
  const actions = useBoardActions();
  const readBoard = useBoardReader();
  const queryClient = useQueryClient();
  const mapId = useMapEventStore((state) => state.mapId) ?? '';
  const account = useAccount();
  const guest = useWorkshopGuest();
  const name = account?.user.name ?? guest?.name ?? null;
  return useCallback(
    (draft) => {
      const mode = queryClient.getQueryData<TPrivateMode>(queryKeys.maps.privateMode(mapId));
      const named = mode?.lastReveal ? !mode.lastReveal.anonymous : false;
      keepDraftOnBoard(actions, readBoard(), draft, named ? name : null);
    },
    [actions, readBoard, queryClient, mapId, name],
  );
}
