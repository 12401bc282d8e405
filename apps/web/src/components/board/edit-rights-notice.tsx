import { useState } from 'react';
import { useConnection, useServerCapabilities, useUnsavedChanges } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { Notice } from '../common/notice.tsx';

type Change = 'lost' | 'gained';

const SAYS: Record<Change, string> = {
  lost: 'Your access to this map changed: you can view it, but no longer edit it.',
  gained: 'Your access to this map changed: you can edit it now.',
};

/**
 * Says so when this person's right to edit the open board changes under them
 * (an owner changed their role, or moved the map to another workspace: the
 * socket reconnects and hears the new capabilities). Made a viewer, their editor, palette and menus vanish at once —
 * with whatever they were typing — and a board that silently stops taking edits
 * looks broken. Only between two answers of the server: the map's first answer
 * is no change, and an access that ended for good says why in the view-only badge.
 * Nor when the loss also cost offline changes: the notice listing them says it.
 */
export function EditRightsNotice() {
  const canEdit = useCan('board.edit');
  const known = useServerCapabilities() !== null;
  const endedForGood = useConnection().status === 'closed';
  const [change, setChange] = useState<Change | null>(null);
  const [heard, setHeard] = useState<boolean | null>(known ? canEdit : null);
  if (known && heard !== canEdit) {
    // What the server said before, kept from the render that heard it.
    setHeard(canEdit);
    if (heard !== null) setChange(canEdit ? 'gained' : 'lost');
  }
  // Offline changes refused because of this very change: UnsavedChangesNotice says it already
  // ("you can only view this map now"), with what was lost; two notices saying it is one too many.
  const toldWithUnsaved = useUnsavedChanges().lines.length > 0;
  if (change === 'lost' && toldWithUnsaved) {
    setChange(null);
    return null;
  }
  if (change === null || endedForGood) return null;
  return (
    <Notice dismiss={{ label: 'Dismiss: access changed', onClick: () => setChange(null) }}>
      {SAYS[change]}
    </Notice>
  );
}
