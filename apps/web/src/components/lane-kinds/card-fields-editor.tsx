import {
  cardFieldValue,
  laneKindOf,
  type ChoiceField,
  type FieldDefinition,
  type TextField,
} from '@journeyboard/shared/board';
import { useId, type KeyboardEvent } from 'react';
import { useBoardActions, type Card, type LaneKind } from '../../board/use-board.ts';
import './card-fields-editor.css';

type Save = (value: unknown) => void;

/** A drop-down of the field's options, with "Not set". */
function SelectInput({ field, value, save }: { field: ChoiceField; value: unknown; save: Save }) {
  const id = useId();
  const index = field.options.findIndex((option) => option.value === value);
  return (
    <div className="field-row">
      <label className="field-row__label" htmlFor={id}>
        {field.label}
      </label>
      <select
        id={id}
        className="input input--small"
        value={index === -1 ? '' : String(index)}
        onChange={(event) =>
          save(event.target.value === '' ? null : field.options[Number(event.target.value)]?.value)
        }
      >
        <option value="">Not set</option>
        {field.options.map((option, optionIndex) => (
          <option key={String(option.value)} value={String(optionIndex)}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The options as a row of toggle buttons; pressing the chosen one again clears
 * it — unless the kind gives every new card a value for it (`required`: a pain
 * point's severity), where pressing the one already chosen keeps it: it is
 * what the person meant, not a way to leave the card without one.
 */
function SegmentedInput({
  field,
  value,
  save,
  required,
}: {
  field: ChoiceField;
  value: unknown;
  save: Save;
  required: boolean;
}) {
  return (
    <div className="field-row" role="group" aria-label={field.label}>
      <span className="field-row__label" aria-hidden="true">
        {field.label}
      </span>
      <div className="segmented">
        {field.options.map((option) => (
          <button
            key={String(option.value)}
            type="button"
            className="segmented__option"
            aria-pressed={value === option.value}
            aria-label={`${field.label} ${option.label.toLowerCase()}`}
            onClick={() => save(value === option.value && !required ? null : option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** A text field that saves when it is left or on Enter (not on each key, to keep undo steps whole). */
function TextInput({ field, value, save }: { field: TextField; value: unknown; save: Save }) {
  const id = useId();
  const text = typeof value === 'string' ? value : '';
  const commit = (next: string) => save(next.trim());
  return (
    <div className={`field-row${field.narrow ? ' field-row--narrow' : ''}`}>
      <label className="field-row__label" htmlFor={id}>
        {field.label}
      </label>
      <input
        id={id}
        className="input input--small"
        // Keyed by the stored value so a collaborator's change shows up.
        key={text}
        defaultValue={text}
        placeholder={field.placeholder}
        maxLength={120}
        onBlur={(event) => commit(event.currentTarget.value)}
        onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit(event.currentTarget.value);
          }
        }}
      />
    </div>
  );
}

function FieldInput({
  field,
  value,
  save,
  required,
}: {
  field: FieldDefinition;
  value: unknown;
  save: Save;
  required: boolean;
}) {
  if (field.type === 'text') return <TextInput field={field} value={value} save={save} />;
  return field.control === 'select' ? (
    <SelectInput field={field} value={value} save={save} />
  ) : (
    <SegmentedInput field={field} value={value} save={save} required={required} />
  );
}

/**
 * The fields a card has in its lane's kind, under the text editor, drawn from
 * the kind's declaration (a drop-down, toggle buttons or a short text each).
 * Choices save at once; text fields when they are left.
 */
export function CardFieldsEditor({ card, laneKind }: { card: Card; laneKind: LaneKind }) {
  const actions = useBoardActions();
  const kind = laneKindOf(laneKind);
  if (kind.holds !== 'cards' || kind.fields.length === 0) return null;
  // Several short texts (a metric's name, values and unit) sit side by side.
  const grid = kind.fields.filter((field) => field.type === 'text').length > 1;
  return (
    <div className={`card-fields${grid ? ' card-fields--grid' : ''}`}>
      {kind.fields.map((field) => (
        <FieldInput
          key={field.name}
          field={field}
          value={cardFieldValue(card, field)}
          save={(value) => actions.updateCard(card.id, { [field.name]: value })}
          required={field.name in kind.newCard}
        />
      ))}
    </div>
  );
}
