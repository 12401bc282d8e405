import type { ReactNode } from 'react';
import { useAuthStore } from '../auth/auth-store.ts';
import { CapabilitiesProvider } from './capabilities.tsx';

/** What the signed-in member may do in `workspaceId` (sent with each workspace by /api/me). */
export function WorkspaceCapabilities({
  workspaceId,
  children,
}: {
  workspaceId: string | undefined;
  children: ReactNode;
}) {
  const capabilities = useAuthStore((store) => {
    const { state } = store;
    if (state.status !== 'signed-in' || state.me.kind !== 'user') return undefined;
    return state.me.workspaces.find((workspace) => workspace.id === workspaceId)?.capabilities;
  });
  return <CapabilitiesProvider workspace={capabilities ?? []}>{children}</CapabilitiesProvider>;
}
