import { PERSONA_COLORS, type TCreatePersonaRequest, type TPersona } from '@journeyboard/shared';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { FormProblem } from '../common/form-problem.tsx';

/** One item per line in a textarea ⇄ a list. */
const toLines = (items: readonly string[]) => items.join('\n');
const fromLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const LISTS = [
  ['goals', 'Goals'],
  ['needs', 'Needs and frustrations'],
  ['behaviours', 'Behaviours'],
  ['channels', 'Preferred channels'],
] as const;

/** Create or edit a persona. Lists are one item per line. */
export function PersonaForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: TPersona;
  submitLabel: string;
  onSubmit: (input: TCreatePersonaRequest) => Promise<void>;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [segment, setSegment] = useState(initial?.segment ?? '');
  const [color, setColor] = useState<string>(initial?.color ?? PERSONA_COLORS[0]);
  const [quote, setQuote] = useState(initial?.quote ?? '');
  const [lists, setLists] = useState<Record<(typeof LISTS)[number][0], string>>({
    goals: toLines(initial?.goals ?? []),
    needs: toLines(initial?.needs ?? []),
    behaviours: toLines(initial?.behaviours ?? []),
    channels: toLines(initial?.channels ?? []),
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        name,
        title,
        segment,
        color,
        quote,
        goals: fromLines(lists.goals),
        needs: fromLines(lists.needs),
        behaviours: fromLines(lists.behaviours),
        channels: fromLines(lists.channels),
      });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const field = (label: string, value: string, set: (value: string) => void, required = false) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="input"
        value={value}
        required={required}
        onChange={(e) => set(e.target.value)}
      />
    </label>
  );

  return (
    <form
      className="persona-form"
      onSubmit={(event) => void submit(event)}
      aria-label={submitLabel}
    >
      {field('Name', name, setName, true)}
      {field('Role or title', title, setTitle)}
      {field('Segment', segment, setSegment)}
      <fieldset className="field">
        <legend className="field__label">Avatar colour</legend>
        {PERSONA_COLORS.map((option) => (
          <label key={option} className="persona-form__swatch">
            <input
              type="radio"
              name="persona-color"
              value={option}
              checked={color === option}
              onChange={() => setColor(option)}
              aria-label={`Colour ${option}`}
            />
            <span
              className="persona-avatar"
              style={{ background: option, width: 20, height: 20 }}
            />
          </label>
        ))}
      </fieldset>
      {LISTS.map(([key, label]) => (
        <label key={key} className="field">
          <span className="field__label">{label} (one per line)</span>
          <textarea
            className="input"
            rows={3}
            value={lists[key]}
            onChange={(e) => setLists((current) => ({ ...current, [key]: e.target.value }))}
          />
        </label>
      ))}
      {field('Quote', quote, setQuote)}
      <FormProblem>{error}</FormProblem>
      <div className="comment-composer__actions">
        {onCancel ? (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
