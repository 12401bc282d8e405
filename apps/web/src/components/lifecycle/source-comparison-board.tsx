import { useState } from 'react';
import { useBoardStateEncoder } from '../../board/use-board.ts';
import { useSourceComparison } from '../../lifecycle/lifecycle-queries.ts';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { ComparedBoard, Loading, usePreview } from '../history/history-board.tsx';

/**
 * "Compare with current state" on a future-state map: its live board (a
 * still picture of the moment the comparison opened) with what differs from
 * its current-state source marked card by card, the source's removed cards
 * as ghosts, and the source's emotion curve drawn dashed under the future
 * one — the same comparison view as "what changed", over two maps.
 */
export function SourceComparisonBoard() {
  const mapId = useMapEventStore((state) => state.mapId) ?? '';
  const encodeLive = useBoardStateEncoder();
  const [liveState] = useState(() => encodeLive());
  const comparison = useSourceComparison(mapId);
  const sourceState = comparison.data?.sourceState;
  const preview = usePreview(sourceState ? liveState : null, sourceState);
  if (!comparison.data || !preview) return <Loading error={comparison.error} />;
  return (
    <ComparedBoard
      title={`Compared with the current state “${comparison.data.source.title}”`}
      changes={comparison.data.comparison}
      preview={preview}
    />
  );
}
