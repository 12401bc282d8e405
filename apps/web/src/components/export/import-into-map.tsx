import { routes } from '@journeyboard/shared';
import { boardEmptiness, type BoardSnapshot } from '@journeyboard/shared/board';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useBoardValue } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { usePersonas } from '../../personas/persona-queries.ts';
import { UploadIcon } from '../common/icons.tsx';
import { ImportMapPanel } from '../maps/import-map-panel.tsx';
import './import-into-map.css';
import { refetchChanged } from '../../api/query-client.ts';

/**
 * Per snapshot: the check walks every card, and the page around the board
 * re-renders often (each query answering) while the board stays the same.
 */
const emptiness = new WeakMap<BoardSnapshot, boolean>();
function isEmptyBoard(board: BoardSnapshot): boolean {
  let empty = emptiness.get(board);
  if (empty === undefined) {
    empty = board.schemaVersion > 0 && boardEmptiness(board).empty;
    emptiness.set(board, empty);
  }
  return empty;
}

/**
 * On an empty board (`boardEmptiness`: no cards, no scores, the stages and
 * lanes of a new blank map or none), to people who may edit it: "Import into
 * this map". The file is read and previewed like a new map's import; the
 * server writes it through the live document, so everyone who has the map
 * open sees the board fill, and the offer goes away with the emptiness.
 */
export function ImportIntoMap({ mapId, workspaceId }: { mapId: string; workspaceId?: string }) {
  const empty = useBoardValue(isEmptyBoard);
  const canEdit = useCan('board.edit');
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const workspacePersonas = usePersonas(open ? workspaceId : undefined).data;
  if (!empty || !canEdit) return null;
  if (!open)
    return (
      <div className="import-into-map banner banner--info">
        <span>
          This map is empty. Start from a map file or spreadsheet instead of a blank board?
        </span>
        <button type="button" className="button" onClick={() => setOpen(true)}>
          <UploadIcon />
          Import into this map
        </button>
      </div>
    );
  return (
    <div className="import-into-map import-into-map--open">
      <ImportMapPanel
        into
        workspacePersonaNames={workspacePersonas?.map((persona) => persona.name)}
        onImport={async ({ map }) => {
          await call(routes.maps.importInto, { params: { id: mapId }, body: { map } });
          setOpen(false);
          void refetchChanged(queryClient, { queryKey: queryKeys.maps.personas(mapId) });
          if (workspaceId)
            void refetchChanged(queryClient, {
              queryKey: queryKeys.workspaces.personas(workspaceId),
            });
        }}
      />
      <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
        Close
      </button>
    </div>
  );
}
