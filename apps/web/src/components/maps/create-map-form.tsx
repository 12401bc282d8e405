import {
  MAP_DESCRIPTION_MAX,
  MAP_TITLE_MAX,
  ZCreateMapRequest,
  type TCreateMapRequest,
} from '@journeyboard/shared';
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from '@journeyboard/shared/board';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage, type ApiIssue } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { PlusIcon } from '../common/icons.tsx';
import { FormProblem } from '../common/form-problem.tsx';

interface CreateMapFormProps {
  onCreate: (input: TCreateMapRequest) => Promise<unknown>;
}

interface FormError {
  message: string;
  issues: readonly ApiIssue[];
}

/**
 * Title, optional description and a template. The request is checked with
 * the same schema the server uses, so most mistakes are explained before a
 * round trip; anything the server still refuses is shown with its message.
 */
export function CreateMapForm({ onCreate }: CreateMapFormProps) {
  // Viewers and commenters of a team workspace may not create maps in it.
  const allowed = useCan('map.create');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [template, setTemplate] = useState<TemplateId>(TEMPLATE_IDS[0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const errorId = useId();
  const templateId = useId();
  const templateHintId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: TCreateMapRequest = { title, description, template };
    const checked = ZCreateMapRequest.safeParse(input);
    if (!checked.success) {
      setError({ message: checked.error.issues[0]?.message ?? 'Check the form.', issues: [] });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onCreate(checked.data);
    } catch (caught) {
      setError({
        message: errorMessage(caught),
        issues: caught instanceof ApiError ? caught.issues : [],
      });
      setBusy(false);
    }
  };

  if (!allowed) return null;
  return (
    <form
      className="panel create-map"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="create-map-heading"
      noValidate
    >
      <h2 id="create-map-heading" className="panel__title">
        New journey map
      </h2>
      <label className="field">
        <span className="field__label">Title</span>
        <input
          className="input"
          name="title"
          value={title}
          maxLength={MAP_TITLE_MAX}
          placeholder="e.g. First-time buyer"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">
          Description <span className="field__optional">(optional)</span>
        </span>
        <textarea
          className="input"
          name="description"
          rows={3}
          value={description}
          maxLength={MAP_DESCRIPTION_MAX}
          placeholder="Who is this journey about, and what question should it answer?"
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <div className="field">
        <label className="field__label" htmlFor={templateId}>
          Template
        </label>
        <select
          id={templateId}
          className="input"
          name="template"
          value={template}
          aria-describedby={templateHintId}
          onChange={(event) => setTemplate(event.target.value as TemplateId)}
        >
          {TEMPLATE_IDS.map((id) => (
            <option key={id} value={id}>
              {TEMPLATES[id].name}
            </option>
          ))}
        </select>
        <span id={templateHintId} className="field__hint">
          {TEMPLATES[template].description}
        </span>
      </div>
      {error ? (
        <FormProblem as="div" id={errorId}>
          <p>{error.message}</p>
          {error.issues.length > 0 ? (
            <ul>
              {error.issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
              ))}
            </ul>
          ) : null}
        </FormProblem>
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        <PlusIcon />
        {busy ? 'Creating…' : 'Create map'}
      </button>
    </form>
  );
}
