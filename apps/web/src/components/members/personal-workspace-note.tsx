import { useState } from 'react';
import { NewWorkspaceDialog } from '../shell/new-workspace-dialog.tsx';

/**
 * Where people look to invite someone (Members, Share) while in their
 * personal workspace: it is theirs alone, so say how colleagues get in — a
 * team workspace — and offer to make one there and then (it opens on its
 * Members page, ready to invite).
 */
export function PersonalWorkspaceNote({ moveHint = false }: { moveHint?: boolean }) {
  const [creating, setCreating] = useState(false);
  return (
    <div className="personal-workspace-note">
      <p>
        This is your personal workspace: only you can see and edit its maps. To work with
        colleagues, create a team workspace and invite them there
        {moveHint ? ', then move this map into it (Move map, on the list of maps)' : ''}.
      </p>
      <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
        Create a team workspace
      </button>
      {creating ? <NewWorkspaceDialog then="members" onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
