import type { MapAction, WorkspaceAction } from '@journeyboard/shared';
import type { ReactNode } from 'react';
import { useServerCapabilities } from '../board/use-board.ts';
import { CapabilitiesProvider } from './capabilities.tsx';

/**
 * A live board's capabilities: what the sync socket said once it joined, so a
 * role change (the socket reconnects and hears the new list) changes what the
 * page offers at once; until then the map's REST answer. Inside
 * `<BoardSessionContext>`.
 */
export function BoardCapabilities({
  fromRest,
  workspace,
  children,
}: {
  fromRest: readonly MapAction[] | undefined;
  workspace?: readonly WorkspaceAction[] | undefined;
  children: ReactNode;
}) {
  const live = useServerCapabilities();
  return (
    <CapabilitiesProvider map={live ?? fromRest ?? []} workspace={workspace}>
      {children}
    </CapabilitiesProvider>
  );
}
