import { useState } from 'react';
import { NewWorkspaceDialog } from '../shell/new-workspace-dialog.tsx';

/**
 * Where people look to invite someone (Members, Share) while in their
 * personal workspace: it is theirs alone, so say how colleagues get in — a
 * team workspace — and offer to make one there and then (it opens on its
 * Members page, ready to invite). From a map's Share dialog (`map`), that
 * map moves into it on the way: inviting a colleague to one map was four
 * pages (new workspace, Members, back to the list, Move map).
 */
export function PersonalWorkspaceNote({ map }: { map?: { id: string; title: string } }) {
  const [creating, setCreating] = useState(false);
  return (
    <div className="personal-workspace-note">
      <p>
        This is your personal workspace: only you can see and edit its maps. To work with
        colleagues, create a team workspace and invite them there
        {map ? ': this map moves into it' : ''}.
      </p>
      <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
        {map ? 'Create a team workspace for this map' : 'Create a team workspace'}
      </button>
      {creating ? (
        <NewWorkspaceDialog
          then="members"
          {...(map ? { bringMap: map } : {})}
          onClose={() => setCreating(false)}
        />
      ) : null}
    </div>
  );
}
