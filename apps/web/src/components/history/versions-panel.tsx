import { versionTitle, type TBoardVersion } from '@journeyboard/shared';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useHistoryStore } from '../../history/history-store.ts';
import { usePreviousVisit, useVersionActions, useVersions } from '../../history/version-queries.ts';
import { CloseIcon, HistoryIcon } from '../common/icons.tsx';
import { RelativeTime } from '../common/relative-time.tsx';
import { SidePanel } from '../common/side-panel.tsx';
import { ActivityFeed } from './activity-feed.tsx';
import { RestoreButton } from './restore-button.tsx';
import { FormProblem } from '../common/form-problem.tsx';
import './history.css';

/** The header's toggle for the versions panel (an icon button: the header is tight). */
export function VersionsToggle() {
  const open = useHistoryStore((state) => state.panelOpen);
  const viewing = useHistoryStore((state) => state.view !== null);
  return (
    <button
      type="button"
      className="icon-button"
      aria-label="Versions"
      title="Versions and what changed"
      aria-pressed={open || viewing}
      onClick={() => useHistoryStore.getState().togglePanel()}
    >
      <HistoryIcon />
    </button>
  );
}

/**
 * The map's versions, newest first (named and automatic, who, when, what
 * changed in one line): name the board as it is now, open any version
 * read-only, compare it with now, restore it; "what changed since my last
 * visit".
 */
export function VersionsPanel() {
  const previousVisit = usePreviousVisit();
  const close = () => useHistoryStore.getState().closePanel();
  const [tab, setTab] = useState<'versions' | 'activity'>('versions');
  return (
    <SidePanel
      side="right"
      name="history"
      label="Versions"
      className="history-panel"
      testId="versions-panel"
      onClose={close}
    >
      <header className="comment-panel__header">
        <h2 className="comment-panel__title">Versions</h2>
        <button type="button" className="icon-button" aria-label="Close versions" onClick={close}>
          <CloseIcon />
        </button>
      </header>
      <div className="history-panel__tabs" role="group" aria-label="Show">
        <button
          type="button"
          className="button button--ghost"
          aria-pressed={tab === 'versions'}
          onClick={() => setTab('versions')}
        >
          Versions
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-pressed={tab === 'activity'}
          onClick={() => setTab('activity')}
        >
          Activity
        </button>
      </div>
      {tab === 'activity' ? <ActivityFeed /> : <VersionList previousVisit={previousVisit} />}
    </SidePanel>
  );
}

function VersionList({ previousVisit }: { previousVisit: string | null }) {
  const versions = useVersions();
  const show = useHistoryStore((state) => state.show);
  return (
    <>
      <NameVersion />
      {previousVisit ? (
        <button
          type="button"
          className="button history-panel__since"
          onClick={() => show({ kind: 'compare', from: 'last-visit', to: 'now' })}
        >
          What changed since my last visit (<RelativeTime iso={previousVisit} />)
        </button>
      ) : null}
      {versions.data?.some((version) => version.review) ? (
        <button
          type="button"
          className="button history-panel__since"
          onClick={() => show({ kind: 'compare', from: 'last-review', to: 'now' })}
        >
          What changed since the last review
        </button>
      ) : null}
      <FormProblem error={versions.error} />
      {versions.data?.length === 0 ? (
        <p className="history-panel__empty">
          No versions yet. One is taken when everyone leaves a changed map; you can name one now.
        </p>
      ) : null}
      {versions.data && versions.data.length >= 2 ? (
        <CompareVersions versions={versions.data} />
      ) : null}
      <ol className="history-panel__list" aria-label="Versions">
        {versions.data?.map((version) => (
          <VersionItem key={version.id} version={version} />
        ))}
      </ol>
    </>
  );
}

function VersionItem({ version }: { version: TBoardVersion }) {
  const show = useHistoryStore((state) => state.show);
  const title = versionTitle(version);
  return (
    <li className="history-version" aria-label={title}>
      <div className="history-version__head">
        <span className={`history-version__name history-version__name--${version.kind}`}>
          {title}
        </span>
        <span className="history-version__meta">
          {version.author.name} · <RelativeTime iso={version.createdAt} />
        </span>
      </div>
      <p className="history-version__summary">{version.summary}</p>
      <div className="history-version__actions">
        <button
          type="button"
          className="button button--ghost"
          onClick={() => show({ kind: 'version', versionId: version.id })}
        >
          Open
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => show({ kind: 'compare', from: version.id, to: 'now' })}
        >
          What changed since
        </button>
        <RestoreButton version={version} />
      </div>
    </li>
  );
}

/**
 * A version in a compare list: its date first, so that a long name (which the
 * closed list cuts off at its width) never hides when it was.
 */
const versionOption = (version: TBoardVersion): string =>
  `${new Date(version.createdAt).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })} · ${versionTitle(version)} · ${version.author.name}`;

/**
 * "Compare two versions": what changed from one version to another (or to
 * the live board), drawn on the board like "What changed since". Read
 * forwards whichever way round they are picked: the older one is "from".
 */
function CompareVersions({ versions }: { versions: readonly TBoardVersion[] }) {
  const show = useHistoryStore((state) => state.show);
  const [from, setFrom] = useState(versions[1]!.id);
  const [to, setTo] = useState(versions[0]!.id);
  const known = (id: string) => id === 'now' || versions.some((version) => version.id === id);
  const pickedFrom = known(from) ? from : versions[1]!.id;
  const pickedTo = known(to) ? to : versions[0]!.id;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const time = (id: string) =>
      id === 'now'
        ? Infinity
        : Date.parse(versions.find((version) => version.id === id)?.createdAt ?? '');
    const [earlier, later] =
      time(pickedFrom) <= time(pickedTo) ? [pickedFrom, pickedTo] : [pickedTo, pickedFrom];
    show({ kind: 'compare', from: earlier, to: later });
  };
  return (
    <form className="history-compare" aria-label="Compare two versions" onSubmit={submit}>
      <h3 className="history-compare__title">Compare two versions</h3>
      <VersionSelect label="From" versions={versions} value={pickedFrom} onChange={setFrom} />
      <VersionSelect
        label="To"
        versions={versions}
        value={pickedTo}
        onChange={setTo}
        now="Now (the live board)"
      />
      <button type="submit" className="button" disabled={pickedFrom === pickedTo}>
        Compare
      </button>
    </form>
  );
}

/** One end of a comparison: a version, or (with `now`) the live board. */
function VersionSelect({
  label,
  versions,
  value,
  onChange,
  now,
}: {
  label: string;
  versions: readonly TBoardVersion[];
  value: string;
  onChange: (id: string) => void;
  now?: string;
}) {
  const id = useId();
  const picked = versions.find((version) => version.id === value);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        // The whole of the picked one on hover, however narrow the panel.
        title={picked ? versionOption(picked) : now}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {now ? <option value="now">{now}</option> : null}
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            {versionOption(version)}
          </option>
        ))}
      </select>
    </>
  );
}

/** "Name this version" — for those who may (`version.create`). */
function NameVersion() {
  const canName = useCan('version.create');
  const { name } = useVersionActions();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canName) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await name(value);
      setValue('');
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="history-panel__name" onSubmit={(event) => void submit(event)}>
      <label className="visually-hidden" htmlFor="version-name">
        Version name
      </label>
      <input
        id="version-name"
        className="input"
        placeholder="Name this version, e.g. Before Q3 workshop"
        maxLength={120}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button" disabled={busy || value.trim() === ''}>
        Name this version
      </button>
      <FormProblem>{error}</FormProblem>
    </form>
  );
}
