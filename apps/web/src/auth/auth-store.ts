import { routes, type TMeResponse, type TWorkspaceSummary } from '@journeyboard/shared';
import { create } from 'zustand';
import { ApiError, call, errorMessage } from '../api/client.ts';
import { isNetworkError, lastKnown } from '../offline/last-known.ts';
import { forgetCanvases } from '../state/canvas-storage.ts';

export type AuthState =
  | { readonly status: 'loading' }
  | { readonly status: 'anonymous' }
  | { readonly status: 'error'; readonly message: string }
  | {
      readonly status: 'signed-in';
      readonly me: TMeResponse;
      /**
       * The server was unreachable and `me` is the last answer kept on this
       * device (offline/last-known.ts): show what this device has, and wait
       * for the server before trusting anything else.
       */
      readonly fromDevice?: boolean;
    };

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
export const useAuthStore = create<AuthStore>((set, get) => ({
  state: { status: 'loading' },
  workspaceId: storedWorkspace(),
  async load() {
    try {
      const me = await call(routes.auth.me);
      lastKnown.rememberMe(me);
      set({ state: { status: 'signed-in', me } });
    } catch (error) {
      const remembered = isNetworkError(error) ? lastKnown.me() : null;
      if (remembered) {
        set({ state: { status: 'signed-in', me: remembered, fromDevice: true } });
        // Ask the server again once the network is back (a 401 then signs this tab out).
        window.addEventListener('online', () => void get().load(), { once: true });
        return;
      }
      // The session ended (expired, signed out elsewhere): nothing of it may be shown offline.
      if (error instanceof ApiError && error.status === 401) lastKnown.forgetAll();
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
    // Forgotten even if the request fails: the person asked for this device to let go.
    lastKnown.forgetAll();
    forgetCanvases();
    await call(routes.auth.logOut);
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
