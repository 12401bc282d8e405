import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from '../../api/client.ts';

export interface AuthField {
  name: string;
  label: string;
  type: 'email' | 'password' | 'text';
  autoComplete: string;
  hint?: string;
}

/** A small form for sign-in, sign-up and joining: labelled fields, one error line, a busy button. */
export function AuthForm({
  title,
  fields,
  submitLabel,
  onSubmit,
  footer,
}: {
  title: string;
  fields: readonly AuthField[];
  submitLabel: string;
  onSubmit: (values: Record<string, string>) => Promise<void>;
  footer?: ReactNode;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <form className="panel auth-form" onSubmit={(event) => void submit(event)}>
      <h1 className="panel__title">{title}</h1>
      {fields.map((field) => (
        <div className="field" key={field.name}>
          <label className="field__label" htmlFor={`${id}-${field.name}`}>
            {field.label}
          </label>
          <input
            id={`${id}-${field.name}`}
            className="input"
            type={field.type}
            autoComplete={field.autoComplete}
            required
            value={values[field.name] ?? ''}
            onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
          />
          {field.hint ? <p className="field__hint">{field.hint}</p> : null}
        </div>
      ))}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {submitLabel}
      </button>
      {footer}
    </form>
  );
}
