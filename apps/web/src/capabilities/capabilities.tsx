/**
 * The ONE way the web asks "may I offer this?": `useCan(action)`. The answer
 * is the server's — the capabilities it sends with every map and workspace
 * (REST) and on the sync socket — never a role compared here (ESLint forbids
 * comparing role strings in apps/web/src). Who may do what is decided in
 * packages/shared/src/capabilities/table.ts.
 *
 * Pages provide what they know: the board its map's (live from the socket
 * once it has joined), the map list each map's, the workspace pages their
 * workspace's. A nested provider replaces only what it is given.
 */
import type { Action, MapAction, WorkspaceAction } from '@journeyboard/shared';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

export interface Capabilities {
  readonly map: readonly MapAction[];
  readonly workspace: readonly WorkspaceAction[];
}

const NONE: Capabilities = { map: [], workspace: [] };

const CapabilitiesContext = createContext<Capabilities>(NONE);

export function CapabilitiesProvider({
  map,
  workspace,
  children,
}: {
  map?: readonly MapAction[] | undefined;
  workspace?: readonly WorkspaceAction[] | undefined;
  children: ReactNode;
}) {
  const outer = useContext(CapabilitiesContext);
  const value = useMemo(
    () => ({ map: map ?? outer.map, workspace: workspace ?? outer.workspace }),
    [map, workspace, outer],
  );
  return <CapabilitiesContext value={value}>{children}</CapabilitiesContext>;
}

/** Everything the caller may do here (for code that hands a list on). */
export const useCapabilities = (): Capabilities => useContext(CapabilitiesContext);

/** Whether to offer `action`: the server would allow it. */
export function useCan(action: Action): boolean {
  const { map, workspace } = useContext(CapabilitiesContext);
  return (
    (map as readonly string[]).includes(action) || (workspace as readonly string[]).includes(action)
  );
}
