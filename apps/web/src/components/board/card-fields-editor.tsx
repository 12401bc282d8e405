import { useId, type KeyboardEvent } from 'react';
import {
  CHANNELS,
  useBoardActions,
  type Card,
  type CardFields,
  type Channel,
  type LaneKind,
} from '../../board/use-board.ts';
import { CHANNEL_LABELS } from './card-field-labels.ts';
import { LevelPicker } from './level-picker.tsx';

type TextField = 'owner' | 'metricName' | 'metricCurrent' | 'metricTarget' | 'metricUnit';

/** A text field that saves when it is left or on Enter (not on each key, to keep undo steps whole). */
function FieldInput({
  card,
  field,
  label,
  placeholder,
  narrow = false,
}: {
  card: Card;
  field: TextField;
  label: string;
  placeholder: string;
  narrow?: boolean;
}) {
  const actions = useBoardActions();
  const id = useId();
  const save = (value: string) => actions.updateCard(card.id, { [field]: value.trim() });
  return (
    <div className={`field-row${narrow ? ' field-row--narrow' : ''}`}>
      <label className="field-row__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input input--small"
        // Keyed by the stored value so a collaborator's change shows up.
        key={card[field]}
        defaultValue={card[field]}
        placeholder={placeholder}
        maxLength={120}
        onBlur={(event) => save(event.currentTarget.value)}
        onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            save(event.currentTarget.value);
          }
        }}
      />
    </div>
  );
}

/**
 * The fields a card has in its lane's kind, under the text editor: channel
 * for touchpoints, severity for pain points, impact and effort for
 * opportunities, owner for backstage, name/current/target/unit for metrics.
 * Choices save at once; text fields when they are left.
 */
export function CardFieldsEditor({ card, laneKind }: { card: Card; laneKind: LaneKind }) {
  const actions = useBoardActions();
  const channelId = useId();
  const update = (patch: Partial<CardFields>) => actions.updateCard(card.id, patch);

  switch (laneKind) {
    case 'touchpoint':
      return (
        <div className="card-fields">
          <div className="field-row">
            <label className="field-row__label" htmlFor={channelId}>
              Channel
            </label>
            <select
              id={channelId}
              className="input input--small"
              value={card.channel ?? ''}
              onChange={(event) =>
                update({
                  channel: event.target.value === '' ? null : (event.target.value as Channel),
                })
              }
            >
              <option value="">Not set</option>
              {CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {CHANNEL_LABELS[channel]}
                </option>
              ))}
            </select>
          </div>
        </div>
      );
    case 'pain':
      return (
        <div className="card-fields">
          <LevelPicker
            label="Severity"
            value={card.severity}
            onChange={(severity) => update({ severity })}
          />
        </div>
      );
    case 'opportunity':
      return (
        <div className="card-fields">
          <LevelPicker
            label="Impact"
            value={card.impact}
            onChange={(impact) => update({ impact })}
          />
          <LevelPicker
            label="Effort"
            value={card.effort}
            onChange={(effort) => update({ effort })}
          />
        </div>
      );
    case 'backstage':
      return (
        <div className="card-fields">
          <FieldInput card={card} field="owner" label="Owner" placeholder="Team or department" />
        </div>
      );
    case 'metric':
      return (
        <div className="card-fields card-fields--grid">
          <FieldInput card={card} field="metricName" label="Metric" placeholder="e.g. NPS" />
          <FieldInput card={card} field="metricCurrent" label="Current" placeholder="32" narrow />
          <FieldInput card={card} field="metricTarget" label="Target" placeholder="45" narrow />
          <FieldInput card={card} field="metricUnit" label="Unit" placeholder="%" narrow />
        </div>
      );
    default:
      return null;
  }
}
