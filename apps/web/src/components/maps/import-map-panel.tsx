import { MAP_TITLE_MAX, type TImportMapRequest } from '@journeyboard/shared';
import { holdsCards, LANE_KIND_DEFINITIONS, type MapFile } from '@journeyboard/shared/board';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { IMPORT_ACCEPT, readImportFile } from '../../interchange/read-import-file.ts';
import { UploadIcon } from '../common/icons.tsx';
import { ImportedPersonas } from './imported-personas.tsx';
import { FormProblem } from '../common/form-problem.tsx';

interface ImportMapPanelProps {
  onImport: (input: TImportMapRequest) => Promise<unknown>;
  /**
   * Import into the open map (which is empty) instead of creating one: no
   * title to choose, offered with `board.edit` instead of `map.create`.
   */
  into?: boolean;
  /** The names of the target workspace's personas, to say which the import links. */
  workspacePersonaNames?: readonly string[] | undefined;
}

type Step =
  | { readonly kind: 'choose' }
  | { readonly kind: 'reading'; readonly name: string }
  | { readonly kind: 'problems'; readonly name: string; readonly problems: readonly string[] }
  | {
      readonly kind: 'preview';
      readonly name: string;
      readonly file: MapFile;
      /** What reading left out or guessed (extra columns, the file's encoding): not in the way. */
      readonly warnings: readonly string[];
    };

const kindLabel = (kind: string) =>
  LANE_KIND_DEFINITIONS.find((entry) => entry.kind === kind)?.label ?? kind;
/** What a lane of the file holds: its cards, or an emotion lane's scores. */
const laneContents = (file: MapFile, lane: MapFile['lanes'][number]) =>
  holdsCards(lane.kind)
    ? plural(file.cards.filter((card) => card.lane === lane.id).length, 'card')
    : plural(file.emotions.filter((emotion) => emotion.lane === lane.id).length, 'score');

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/**
 * "Import a map" (or, on an empty board, "Import into this map"): a map file (JSON), an Excel workbook, a zip of CSVs or one
 * CSV of cards. The file is read here and previewed — what will be created,
 * or each problem with its row and column — and nothing is sent until the
 * person confirms; the server then creates the map in one write.
 */
export function ImportMapPanel({
  onImport,
  into = false,
  workspacePersonaNames,
}: ImportMapPanelProps) {
  const mayCreate = useCan('map.create');
  const mayEdit = useCan('board.edit');
  const allowed = into ? mayEdit : mayCreate;
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [serverProblem, setServerProblem] = useState<readonly string[] | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const headingId = useId();

  if (!allowed) return null;

  const choose = async (file: File | undefined) => {
    setServerProblem(null);
    if (!file) return setStep({ kind: 'choose' });
    setStep({ kind: 'reading', name: file.name });
    const reading = await readImportFile(file);
    if (reading.ok) {
      setTitle(reading.file.map.title);
      setStep({
        kind: 'preview',
        name: file.name,
        file: reading.file,
        warnings: reading.warnings,
      });
    } else setStep({ kind: 'problems', name: file.name, problems: reading.problems });
  };

  const reset = () => {
    setStep({ kind: 'choose' });
    setServerProblem(null);
    if (inputRef.current) inputRef.current.value = '';
  };

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step.kind !== 'preview') return;
    setBusy(true);
    setServerProblem(null);
    try {
      await onImport({ map: step.file, title: title.trim() || step.file.map.title });
    } catch (caught) {
      setServerProblem([
        errorMessage(caught),
        ...(caught instanceof ApiError ? caught.issues.map((issue) => issue.message) : []),
      ]);
      setBusy(false);
    }
  };

  return (
    <form
      className="panel import-map"
      aria-labelledby={headingId}
      onSubmit={(event) => void confirm(event)}
      noValidate
    >
      <h2 id={headingId} className="panel__title">
        {into ? 'Import into this map' : 'Import a map'}
      </h2>
      <div className="field">
        <label className="field__label" htmlFor={fileId}>
          Map file
        </label>
        <input
          ref={inputRef}
          id={fileId}
          className="input"
          type="file"
          accept={IMPORT_ACCEPT}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
        <span className="field__hint">
          A Journeyboard map file (.json), an Excel workbook (.xlsx) or CSV (.csv, or a .zip of
          them) — a sheet with just Stage, Lane and Text columns is enough.
        </span>
      </div>
      {step.kind === 'reading' ? <p role="status">Reading {step.name}…</p> : null}
      {step.kind === 'problems' ? (
        <FormProblem as="div">
          <p>{step.name} can’t be imported:</p>
          <ul>
            {step.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </FormProblem>
      ) : null}
      {step.kind === 'preview' ? (
        <section className="import-map__preview" aria-label="Import preview">
          <p>
            From {step.name}: {plural(step.file.stages.length, 'stage')},{' '}
            {plural(step.file.lanes.length, 'lane')}, {plural(step.file.cards.length, 'card')}
            {step.file.emotions.length > 0
              ? `, ${plural(step.file.emotions.length, 'emotion score')}`
              : ''}
            . Nothing is saved until you {into ? 'import it' : 'create the map'}.
          </p>
          {step.warnings.length > 0 ? (
            <ul className="import-map__warnings" aria-label="Left out of the import">
              {step.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
          {into ? (
            <p className="muted">
              The board’s empty stages and lanes are replaced by the file’s, for everyone who has
              the map open.
            </p>
          ) : null}
          <ImportedPersonas
            personas={step.file.map.personas}
            workspacePersonaNames={workspacePersonaNames}
          />
          <p className="muted">
            Stages: {step.file.stages.map((stage) => stage.title).join(' → ')}
          </p>
          <ul className="import-map__lanes" aria-label="Lanes">
            {step.file.lanes.map((lane) => (
              <li key={lane.id}>
                {lane.title} ({kindLabel(lane.kind)}, {laneContents(step.file, lane)})
              </li>
            ))}
          </ul>
          {into ? null : (
            <label className="field">
              <span className="field__label">Title of the new map</span>
              <input
                className="input"
                value={title}
                maxLength={MAP_TITLE_MAX}
                onChange={(event) => setTitle(event.target.value)}
              />
            </label>
          )}
          {serverProblem ? (
            <FormProblem as="div">
              <ul>
                {serverProblem.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </FormProblem>
          ) : null}
          <div className="import-map__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              <UploadIcon />
              {into
                ? busy
                  ? 'Importing…'
                  : 'Import into this map'
                : busy
                  ? 'Creating…'
                  : 'Create map from file'}
            </button>
            <button type="button" className="button button--ghost" onClick={reset} disabled={busy}>
              Cancel
            </button>
          </div>
        </section>
      ) : null}
    </form>
  );
}
