import type { TMeResponse, TWorkspaceSummary } from '@journeyboard/shared';
import { create } from 'zustand';
import { api, ApiError, errorMessage } from '../api/client.ts';

export type AuthState =
  | { readonly status: 'loading' }
  | { readonly status: 'anonymous' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'signed-in'; readonly me: TMeResponse };

const WORKSPACE_KEY = 'journeyboard.workspace';

interface AuthStore {
  state: AuthState;
  /** The workspace new maps go to and the list shows; remembered on this device. */
  workspaceId: string | null;
  load: () => Promise<void>;
  setWorkspace: (id: string) => void;
  signOut: () => Promise<void>;
}

function storedWorkspace(): string | null {
  try {
    return window.localStorage.getItem(WORKSPACE_KEY);
  } catch {
    return null;
  }
}

/** Who is signed in (GET /api/me), shared by every page. */
export const useAuthStore = create<AuthStore>((set) => ({
  state: { status: 'loading' },
  workspaceId: storedWorkspace(),
  async load() {
    try {
      set({ state: { status: 'signed-in', me: await api.me() } });
    } catch (error) {
      set({
        state:
          error instanceof ApiError && error.status === 401
            ? { status: 'anonymous' }
            : { status: 'error', message: errorMessage(error) },
      });
    }
  },
  setWorkspace(id) {
    try {
      window.localStorage.setItem(WORKSPACE_KEY, id);
    } catch {
      // Private mode: remembered for this tab only.
    }
    set({ workspaceId: id });
  },
  async signOut() {
    await api.logOut();
    set({ state: { status: 'anonymous' } });
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
