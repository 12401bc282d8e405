import type { TActivityEntry } from '@journeyboard/shared';
import { useId, useMemo, useState } from 'react';
import { useStages } from '../../board/use-board.ts';
import { useActivity } from '../../history/version-queries.ts';
import { RelativeTime } from '../common/relative-time.tsx';
import { FormProblem } from '../common/form-problem.tsx';

/**
 * Who did what on the map, in sentences, newest first ("Ana moved
 * 'Verification email' to Sign-up"); one person's consecutive edits to one
 * card are one entry. Filter by person and by stage. Asked again every few
 * seconds while shown, and by "Refresh" (the feed is written about a second
 * after each change, without an event).
 */
export function ActivityFeed() {
  const [authorId, setAuthorId] = useState('');
  const [stageId, setStageId] = useState('');
  const stages = useStages();
  const feed = useActivity({ authorId, stageId });
  // People to filter by: everyone in the unfiltered feed's loaded pages.
  const everyone = useActivity({});
  const people = useMemo(() => {
    const byId = new Map<string, string>();
    for (const page of everyone.data?.pages ?? []) {
      for (const entry of page.entries) {
        if (entry.author.id) byId.set(entry.author.id, entry.author.name);
      }
    }
    return [...byId];
  }, [everyone.data]);
  const personId = useId();
  const stageSelectId = useId();
  const entries = feed.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <div className="activity-feed">
      <div className="activity-feed__filters">
        <label htmlFor={personId}>Person</label>
        <select
          id={personId}
          className="input"
          value={authorId}
          onChange={(event) => setAuthorId(event.target.value)}
        >
          <option value="">Everyone</option>
          {people.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={stageSelectId}>Stage</label>
        <select
          id={stageSelectId}
          className="input"
          value={stageId}
          onChange={(event) => setStageId(event.target.value)}
        >
          <option value="">All stages</option>
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.title || 'Untitled stage'}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            void feed.refetch();
            void everyone.refetch();
          }}
        >
          Refresh
        </button>
      </div>
      <FormProblem error={feed.error} />
      {feed.isSuccess && entries.length === 0 ? (
        <p className="history-panel__empty">Nothing here yet.</p>
      ) : null}
      <ol className="history-panel__list" aria-label="Activity">
        {entries.map((entry) => (
          <ActivityItem key={entry.id} entry={entry} />
        ))}
      </ol>
      {feed.hasNextPage ? (
        <button
          type="button"
          className="button button--ghost"
          disabled={feed.isFetchingNextPage}
          onClick={() => void feed.fetchNextPage()}
        >
          Older
        </button>
      ) : null}
    </div>
  );
}

function ActivityItem({ entry }: { entry: TActivityEntry }) {
  return (
    <li className="history-version">
      <p className="history-version__summary">{entry.sentence}</p>
      <span className="history-version__meta">
        <RelativeTime iso={entry.at} />
      </span>
    </li>
  );
}
