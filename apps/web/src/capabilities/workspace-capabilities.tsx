import type { ReactNode } from 'react';
import { useAccount } from '../auth/me.ts';
import { CapabilitiesProvider } from './capabilities.tsx';

/** What the signed-in member may do in `workspaceId` (sent with each workspace by /api/me). */
export function WorkspaceCapabilities({
  workspaceId,
  children,
}: {
  workspaceId: string | undefined;
  children: ReactNode;
}) {
  const capabilities = useAccount()?.workspaces.find(
    (workspace) => workspace.id === workspaceId,
  )?.capabilities;
  return <CapabilitiesProvider workspace={capabilities ?? []}>{children}</CapabilitiesProvider>;
}
