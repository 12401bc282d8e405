import { versionTitle, type TChangesResponse } from '@journeyboard/shared';
import { describeChange, namesOf, type BoardChange } from '@journeyboard/shared/board';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { createPreviewSession, type PreviewSession } from '../../board/history-preview.ts';
import { SourceComparisonBoard } from '../lifecycle/source-comparison-board.tsx';
import {
  BoardSessionContext,
  useBoardStateEncoder,
  useLanes,
  useStages,
} from '../../board/use-board.ts';
import { markOf, marksFrom, selectorFor, targetOf } from '../../history/change-targets.ts';
import { useHistoryStore, type HistoryView } from '../../history/history-store.ts';
import { useChanges, useVersionState } from '../../history/version-queries.ts';
import { BoardView } from '../board/board-view.tsx';
import { ChangeMarksContext } from '../board/change-marks.tsx';
import { CloseIcon, NextIcon, PreviousIcon } from '../common/icons.tsx';
import { RelativeTime } from '../common/relative-time.tsx';
import { SidePanel } from '../common/side-panel.tsx';
import { RestoreButton } from './restore-button.tsx';
import './history.css';

/**
 * What the board page shows instead of the live board while someone looks
 * at its history: a version exactly as it was, or a comparison with what
 * changed marked on the board. Always the one renderer (`BoardView`) in
 * read-only mode, over a document of its own that is never sent anywhere.
 */
export function HistoryBoard({ view }: { view: HistoryView }) {
  if (view.kind === 'version') return <VersionBoard versionId={view.versionId} />;
  if (view.kind === 'source') return <SourceComparisonBoard />;
  return <ComparisonBoard from={view.from} to={view.to} />;
}

export function usePreview(state: Uint8Array | null, earlier: Uint8Array | null | undefined) {
  const preview = useMemo(
    () => (state && earlier !== undefined ? createPreviewSession(state, earlier) : null),
    [state, earlier],
  );
  useEffect(() => () => preview?.session.destroy(), [preview]);
  return preview;
}

export function BackToLive() {
  return (
    <button
      type="button"
      className="button"
      onClick={() => useHistoryStore.getState().backToLive()}
    >
      Back to the live board
    </button>
  );
}

export function Loading({ error }: { error: unknown }) {
  return (
    <div className="history-bar" role={error ? 'alert' : 'status'}>
      <span>{error ? errorMessage(error) : 'Loading the map as it was…'}</span>
      <BackToLive />
    </div>
  );
}

function VersionBoard({ versionId }: { versionId: string }) {
  const version = useVersionState(versionId);
  const preview = usePreview(version.data?.state ?? null, null);
  if (!version.data || !preview) return <Loading error={version.error} />;
  const { version: meta } = version.data;
  return (
    <BoardSessionContext value={preview.session}>
      <div className="history-bar" role="region" aria-label="Version">
        <span className="history-bar__text">
          Viewing <strong>{versionTitle(meta)}</strong> · {meta.author.name} ·{' '}
          <RelativeTime iso={meta.createdAt} /> — read-only
        </span>
        <RestoreButton version={meta} />
        <BackToLive />
      </div>
      <BoardView mode="read-only" />
    </BoardSessionContext>
  );
}

function ComparisonBoard({ from, to }: { from: string; to: string }) {
  const encodeLive = useBoardStateEncoder();
  // "Now" is the live board as it was when the comparison opened: a still picture.
  const [liveState] = useState(() => (to === 'now' ? encodeLive() : null));
  const changes = useChanges(from, to);
  const fromVersionId = changes.data?.from.versionId ?? null;
  const fromState = useVersionState(fromVersionId);
  const toState = useVersionState(to === 'now' ? null : to);
  const later = liveState ?? toState.data?.state ?? null;
  const earlier = !changes.data
    ? undefined
    : fromVersionId === null
      ? null
      : (fromState.data?.state ?? undefined);
  const preview = usePreview(changes.data ? later : null, earlier);
  if (!changes.data || !preview) return <Loading error={changes.error ?? fromState.error} />;
  return (
    <ComparedBoard
      title={comparisonTitle(changes.data, from)}
      changes={changes.data}
      preview={preview}
    />
  );
}

/**
 * A comparison on the board: the preview (the later board with the earlier
 * one's losses as ghosts, its emotion curve dashed under the later one) drawn
 * read-only with every change marked, a bar to step through them and the list
 * beside it.
 */
export function ComparedBoard({
  title,
  changes,
  preview,
}: {
  title: string;
  changes: TChangesResponse;
  preview: PreviewSession;
}) {
  const step = useHistoryStore((state) => state.step);
  const list = useMemo(() => changes.changes.map(({ change }) => change as BoardChange), [changes]);
  const targets = useMemo(() => list.map(targetOf), [list]);
  const current = targets[step]?.id ?? null;
  const marks = useMemo(
    () => marksFrom(list, current, preview.earlierEmotions),
    [list, current, preview.earlierEmotions],
  );

  // Bring the change in focus into view.
  useEffect(() => {
    const target = targets[step];
    if (!target || !preview) return;
    document
      .querySelector(`.board-page__main ${selectorFor(target)}`)
      ?.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' });
  }, [step, preview, targets]);

  const count = changes.changes.length;
  const go = (next: number) => useHistoryStore.getState().setStep((next + count) % count);
  return (
    <BoardSessionContext value={preview.session}>
      <ChangeMarksContext value={marks}>
        <div className="history-bar" role="region" aria-label="What changed">
          <span className="history-bar__text">
            {title} — {changes.summary}
          </span>
          {count > 0 ? (
            <span className="history-bar__steps">
              <button
                type="button"
                className="icon-button"
                aria-label="Previous change"
                onClick={() => go(step - 1)}
              >
                <PreviousIcon />
              </button>
              <span aria-live="polite">
                {Math.min(step + 1, count)} of {count}
              </span>
              <button
                type="button"
                className="icon-button"
                aria-label="Next change"
                onClick={() => go(step + 1)}
              >
                <NextIcon />
              </button>
            </span>
          ) : null}
          <BackToLive />
        </div>
        <BoardView mode="read-only" />
        <ChangeList changes={changes} step={step} />
      </ChangeMarksContext>
    </BoardSessionContext>
  );
}

function comparisonTitle(changes: TChangesResponse, from: string): string {
  const to = changes.to.version ? ` to “${versionTitle(changes.to.version)}”` : '';
  if (from === 'last-visit') return `Since your last visit${to}`;
  if (from === 'last-review') {
    const name = changes.from.version?.name;
    return `${name ? `Since “${name}”` : 'Since the last review'}${to}`;
  }
  if (changes.from.at === null) return `Since the map began${to}`;
  const since = changes.from.version ? `“${versionTitle(changes.from.version)}”` : 'that version';
  return to ? `From ${since}${to}` : `Since ${since}`;
}

/** The changes as a list grouped by stage, each with who and when; choosing one steps to it. */
function ChangeList({ changes, step }: { changes: TChangesResponse; step: number }) {
  const stages = useStages();
  const lanes = useLanes();
  const names = useMemo(() => namesOf({ stages, lanes }), [stages, lanes]);
  const groups = new Map<string, { title: string; items: { index: number }[] }>();
  changes.changes.forEach((item, index) => {
    const key = item.stageId ?? '';
    const title = item.stageId ? (names.stage(item.stageId) ?? 'A removed stage') : 'Lanes';
    const group = groups.get(key) ?? { title, items: [] };
    group.items.push({ index });
    groups.set(key, group);
  });
  const close = () => useHistoryStore.getState().backToLive();
  return (
    <SidePanel
      side="right"
      name="history"
      label="What changed"
      className="history-panel"
      testId="changes-panel"
      onClose={close}
    >
      <header className="comment-panel__header">
        <h2 className="comment-panel__title">What changed</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close what changed"
          onClick={close}
        >
          <CloseIcon />
        </button>
      </header>
      {changes.changes.length === 0 ? (
        <p className="history-panel__empty">Nothing changed.</p>
      ) : null}
      {[...groups.values()].map((group) => (
        <section key={group.title} className="history-changes__group">
          <h3 className="history-changes__stage">{group.title}</h3>
          <ul className="history-changes__list">
            {group.items.map(({ index }) => {
              const item = changes.changes[index]!;
              const change = item.change as BoardChange;
              return (
                <li key={index}>
                  <button
                    type="button"
                    className={`history-change history-change--${markOf(change)}`}
                    aria-current={index === step ? 'true' : undefined}
                    onClick={() => useHistoryStore.getState().setStep(index)}
                  >
                    <span className="history-change__what">{describeChange(change, names)}</span>
                    {item.author ? (
                      <span className="history-change__who">
                        {item.author.name}
                        {item.at ? (
                          <>
                            {' · '}
                            <RelativeTime iso={item.at} />
                          </>
                        ) : null}
                      </span>
                    ) : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </SidePanel>
  );
}
