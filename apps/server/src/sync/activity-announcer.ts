import { ACTIVITY_EVENT_MAX_CARDS, type TActivityWrittenEvent } from '@journeyboard/shared';
import type { ActivitySink } from './activity-recorder.ts';

/**
 * Says on the map's event stream that activity entries were written, once
 * they are (never before: a reader who refetches at once must find them).
 * Bylines and the feed refetch on it instead of polling: a new card's byline
 * was asked for before its entry existed and stayed empty until the next poll.
 */
export function announcesActivity(
  sink: ActivitySink,
  announce: (mapId: string, event: TActivityWrittenEvent) => void,
): ActivitySink {
  return {
    async save(mapId, records) {
      await sink.save(mapId, records);
      if (records.length === 0) return;
      const cardIds = [
        ...new Set(
          records.filter((record) => record.subject.kind === 'card').map((r) => r.subject.id),
        ),
      ];
      announce(
        mapId,
        cardIds.length > ACTIVITY_EVENT_MAX_CARDS
          ? { type: 'activity-written' }
          : { type: 'activity-written', cardIds },
      );
    },
  };
}
