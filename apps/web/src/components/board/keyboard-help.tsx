import { useRef, useState } from 'react';
import { KeyboardIcon } from '../common/icons.tsx';
import { isMac, MOD_KEY as mod } from '../common/platform-keys.ts';
import './keyboard-help.css';

const SHORTCUTS: readonly [keys: string, what: string][] = [
  ['← ↑ → ↓', 'Move between cards and cells'],
  ['N', 'New card in the focused cell'],
  ['Enter', 'Edit the focused card'],
  [`${mod}+Enter / Esc`, 'Save / cancel the card being edited'],
  ['Shift+Enter, Shift+click', 'Select the card'],
  ['Delete', 'Delete the focused or selected cards'],
  ['Space on “Move card”, then arrows', 'Move a card; Space drops, Esc cancels'],
  [`${mod}+Z / ${isMac ? '⇧⌘Z' : 'Ctrl+Y'}`, 'Undo / redo your own changes'],
  [`${mod}+F or /`, 'Find cards; Enter / Shift+Enter next / previous, Esc closes'],
  [`${mod}+wheel, pinch`, 'Zoom around the pointer'],
  ['Wheel, Space+drag', 'Pan'],
  ['+ / −', 'Zoom in / out'],
  ['Shift+1', 'Fit the whole board'],
  ['Shift+2', 'Fit the board’s width'],
  ['Shift+3', 'Fit the focused stage'],
  ['Shift+0', 'Zoom to 100 %'],
  ['← / → on a column’s edge', 'Make the stage narrower / wider'],
];

/** A "Keyboard shortcuts" toggle with the list of shortcuts. */
export function KeyboardHelp() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <div
      className="keyboard-help"
      // On the wrapper: focus is usually still on the button while the panel shows.
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="icon-button"
        aria-label="Keyboard shortcuts"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        <KeyboardIcon />
      </button>
      {open ? (
        <div className="keyboard-help__panel" role="dialog" aria-label="Keyboard shortcuts">
          <dl>
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys} className="keyboard-help__row">
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}
