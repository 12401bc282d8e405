import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

interface InlineTextInputProps {
  value: string;
  /** Accessible name of the input, e.g. "Stage title". */
  inputLabel: string;
  /**
   * Called once when editing ends: with the trimmed text when it should be
   * saved (non-empty and changed), with null when nothing is to be saved.
   * `viaKeyboard` tells whether Enter/Escape ended it (so focus can return).
   */
  onDone: (next: string | null, viaKeyboard: boolean) => void;
  maxLength?: number | undefined;
  className?: string;
  /** Optional text (a description) may be cleared; titles may not. */
  allowEmpty?: boolean | undefined;
}

/**
 * A single-line field for renaming in place. Enter or leaving the field saves,
 * Escape restores the old text. Empty text is not saved unless `allowEmpty`,
 * so a title cannot be blanked by accident.
 */
export function InlineTextInput({
  value,
  inputLabel,
  onDone,
  maxLength,
  className = '',
  allowEmpty = false,
}: InlineTextInputProps) {
  const [draft, setDraft] = useState(value);
  // The blur that follows Enter/Escape (when the input unmounts) must not end the edit twice.
  const finished = useRef(false);

  const finish = (save: boolean, viaKeyboard: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const next = draft.trim();
    const acceptable = allowEmpty || next !== '';
    onDone(save && acceptable && next !== value ? next : null, viaKeyboard);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(true, true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(false, true);
    }
  };

  return (
    <input
      className={`inline-edit__input ${className}`}
      aria-label={inputLabel}
      value={draft}
      maxLength={maxLength}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true, false)}
    />
  );
}

interface InlineTextEditProps {
  value: string;
  /** Called with the trimmed new text, only when it changed (and is non-empty unless `allowEmpty`). */
  onCommit: (next: string) => void;
  allowEmpty?: boolean;
  /** Accessible name of the text while it is shown, e.g. "Rename stage Awareness". */
  editLabel: string;
  /** Accessible name of the input while editing, e.g. "Stage title". */
  inputLabel: string;
  /** Shown when the value is empty. */
  placeholder?: string;
  maxLength?: number;
  className?: string;
  /** Controls editing from outside (e.g. a new stage opens straight in edit mode). */
  editing?: boolean;
  /** The text's tooltip (default "Click to rename"), e.g. a title that may be cut short. */
  tooltip?: string | undefined;
  onEditingChange?: (editing: boolean) => void;
}

/** Text that turns into an InlineTextInput when clicked. */
export function InlineTextEdit({
  value,
  onCommit,
  editLabel,
  inputLabel,
  placeholder = 'Untitled',
  maxLength,
  className = '',
  editing: controlledEditing,
  onEditingChange,
  allowEmpty = false,
  tooltip = 'Click to rename',
}: InlineTextEditProps) {
  const [localEditing, setLocalEditing] = useState(false);
  const editing = controlledEditing ?? localEditing;
  const displayRef = useRef<HTMLButtonElement>(null);
  const refocusDisplay = useRef(false);

  const setEditing = (next: boolean) => {
    setLocalEditing(next);
    onEditingChange?.(next);
  };

  useEffect(() => {
    if (!editing && refocusDisplay.current) {
      refocusDisplay.current = false;
      displayRef.current?.focus();
    }
  }, [editing]);

  if (editing) {
    return (
      <InlineTextInput
        className={className}
        value={value}
        inputLabel={inputLabel}
        maxLength={maxLength}
        allowEmpty={allowEmpty}
        onDone={(next, viaKeyboard) => {
          if (next !== null) onCommit(next);
          refocusDisplay.current = viaKeyboard;
          setEditing(false);
        }}
      />
    );
  }
  // The accessible name holds the visible text too (WCAG 2.5.3, label in name): a
  // voice user says what they see.
  const shown = value || placeholder;
  const name = editLabel.includes(shown) ? editLabel : `${editLabel}: ${shown}`;
  return (
    <button
      ref={displayRef}
      type="button"
      className={`inline-edit__display ${className}`}
      aria-label={name}
      title={tooltip}
      onClick={() => setEditing(true)}
    >
      {value || <span className="placeholder">{placeholder}</span>}
    </button>
  );
}
