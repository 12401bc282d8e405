import type { TWorkspaceSummary } from '@journeyboard/shared';
import { create } from 'zustand';

const WORKSPACE_KEY = 'journeyboard.workspace';

interface WorkspaceStore {
  /** The workspace new maps go to and the list shows; remembered on this device. */
  workspaceId: string | null;
  setWorkspace: (id: string) => void;
}

function storedWorkspace(): string | null {
  try {
    return window.localStorage.getItem(WORKSPACE_KEY);
  } catch {
    return null;
  }
}

/**
 * Which workspace this person is looking at: UI state only. The workspaces
 * themselves (and what the person may do in each) are server state, in the
 * `me` query (auth/me.ts).
 */
export const useWorkspaceStore = create<WorkspaceStore>((set) => ({
  workspaceId: storedWorkspace(),
  setWorkspace(id) {
    try {
      window.localStorage.setItem(WORKSPACE_KEY, id);
    } catch {
      // Private mode: remembered for this tab only.
    }
    set({ workspaceId: id });
  },
}));

/** The current workspace: the remembered one if still a member, else the personal one. */
export function currentWorkspace(
  workspaces: readonly TWorkspaceSummary[],
  remembered: string | null,
): TWorkspaceSummary | undefined {
  return (
    workspaces.find((workspace) => workspace.id === remembered) ??
    workspaces.find((workspace) => workspace.personal) ??
    workspaces[0]
  );
}
