import { fieldProblems, type FormSchema } from '@journeyboard/shared';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from '../../api/client.ts';
import { FormProblem } from '../common/form-problem.tsx';

export interface AuthField {
  name: string;
  label: string;
  type: 'email' | 'password' | 'text';
  autoComplete: string;
  hint?: string;
}

/**
 * A small form for sign-in, sign-up and joining: labelled fields, one error
 * line, a busy button. With `schema` (the request's shared zod schema, the
 * one the server validates with), a rule the browser already knows is
 * checked before the round trip and told beside its field.
 */
export function AuthForm({
  title,
  intro,
  fields,
  submitLabel,
  onSubmit,
  footer,
  schema,
  extraValues,
  initialValues = {},
}: {
  title: string;
  /** Under the title: what the form is for (the join page names the map). */
  intro?: ReactNode;
  fields: readonly AuthField[];
  submitLabel: string;
  onSubmit: (values: Record<string, string>) => Promise<void>;
  footer?: ReactNode;
  schema?: FormSchema;
  /** Values the request carries that are not fields (an invitation token), for `schema`. */
  extraValues?: Record<string, string>;
  /** What the fields start with (an invitation's address). */
  initialValues?: Record<string, string>;
}) {
  const [values, setValues] = useState<Record<string, string>>(initialValues);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const found = schema ? fieldProblems(schema, { ...extraValues, ...values }) : {};
    setProblems(found);
    const firstBad = fields.find((field) => found[field.name] !== undefined);
    if (firstBad) {
      document.getElementById(`${id}-${firstBad.name}`)?.focus();
      return;
    }
    setBusy(true);
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
      {intro}
      {fields.map((field, index) => {
        const inputId = `${id}-${field.name}`;
        const problem = problems[field.name];
        // One message under a field: what is wrong replaces the hint (it says the same rule,
        // as what to do), and the hint comes back once the field is changed.
        const described = problem
          ? `${inputId}-problem`
          : field.hint
            ? `${inputId}-hint`
            : undefined;
        return (
          <div className="field" key={field.name}>
            <label className="field__label" htmlFor={inputId}>
              {field.label}
            </label>
            <input
              id={inputId}
              className="input"
              type={field.type}
              autoComplete={field.autoComplete}
              // The page is this form: typing can start at once (the join page's name, an email).
              autoFocus={index === 0}
              required
              aria-invalid={problem ? true : undefined}
              aria-describedby={described}
              value={values[field.name] ?? ''}
              onChange={(event) => {
                setValues({ ...values, [field.name]: event.target.value });
                if (problem) {
                  setProblems((current) =>
                    Object.fromEntries(
                      Object.entries(current).filter(([name]) => name !== field.name),
                    ),
                  );
                }
              }}
            />
            {problem ? (
              <p className="field__problem" id={`${inputId}-problem`}>
                {problem}
              </p>
            ) : field.hint ? (
              <p className="field__hint" id={`${inputId}-hint`}>
                {field.hint}
              </p>
            ) : null}
          </div>
        );
      })}
      <FormProblem>{error}</FormProblem>
      <button type="submit" className="button button--primary" disabled={busy}>
        {submitLabel}
      </button>
      {footer}
    </form>
  );
}
