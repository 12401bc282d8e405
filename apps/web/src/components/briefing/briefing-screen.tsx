import type { TMapLifecycle } from '@journeyboard/shared';
import type { ReactNode } from 'react';
import { useConnection } from '../../board/use-board.ts';
import { PrintIcon } from '../common/icons.tsx';
import { BriefingView } from './briefing-view.tsx';

/**
 * A briefing page around an open board session: waits for the first sync
 * (an empty document would say "nothing yet" everywhere), then the live
 * briefing with the page's links and a Print button.
 */
export function BriefingScreen({
  mapId,
  title,
  lifecycle,
  links,
}: {
  mapId: string;
  title: string | null;
  /** Status, owner and next review, under the title. */
  lifecycle: TMapLifecycle | undefined;
  /** "Open the board", "All maps"…: where this page may lead. */
  links: ReactNode;
}) {
  const connection = useConnection();
  const toolbar = (
    <>
      {links}
      <button type="button" className="button" onClick={() => window.print()}>
        <PrintIcon />
        Print
      </button>
    </>
  );
  return (
    <div className="briefing-page">
      <main>
        {connection.hasSynced ? (
          <BriefingView mapId={mapId} title={title} lifecycle={lifecycle} toolbar={toolbar} />
        ) : (
          <p className="board-waiting" role="status">
            Loading the briefing…
          </p>
        )}
      </main>
    </div>
  );
}
