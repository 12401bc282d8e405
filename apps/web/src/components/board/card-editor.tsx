import { useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { Card, LaneKind } from '../../board/use-board.ts';
import { CardByline } from '../history/card-byline.tsx';
import { CardFieldsEditor } from '../lane-kinds/card-fields-editor.tsx';
import { EvidenceEditor } from '../evidence/evidence-editor.tsx';
import { CardTextInput } from './card-text-input.tsx';

interface CardEditorProps {
  card: Card;
  laneKind: LaneKind;
  /** Called once with the text the editor opened with and the text now. */
  onSave: (base: string, next: string, viaKeyboard: boolean) => void;
  onCancel: () => void;
}

/**
 * The open card: multi-line text, the fields of its lane's kind, its evidence. Leaving
 * the card or Ctrl/Cmd+Enter saves the text; Escape drops the text changes.
 * The text is saved as a change from what the editor opened with, so a
 * collaborator's edit to the same card meanwhile is kept (editCardText).
 * While it is open the browser's own text undo applies.
 */
export function CardEditor({ card, laneKind, onSave, onCancel }: CardEditorProps) {
  const [base] = useState(card.text);
  const [draft, setDraft] = useState(card.text);
  const ref = useRef<HTMLTextAreaElement>(null);
  // Escape/Ctrl+Enter unmount the editor, which may fire a blur: save only once.
  const finished = useRef(false);

  useLayoutEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }, []);

  // Grow with the text instead of scrolling inside a small box.
  useLayoutEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    textarea.style.height = 'auto';
    textarea.style.height = `${textarea.scrollHeight}px`;
  }, [draft]);

  const finish = (save: boolean, viaKeyboard: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (save) onSave(base, draft, viaKeyboard);
    else onCancel();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(false, true);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      finish(true, true);
    }
  };

  // Moving between the text and the fields keeps the card open.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) finish(true, false);
  };

  return (
    <div className="card__editor-panel" onKeyDown={onKeyDown} onBlur={onBlur}>
      <CardTextInput
        ref={ref}
        label="Card text"
        placeholder="Write something…"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <CardFieldsEditor card={card} laneKind={laneKind} />
      <CardByline cardId={card.id} />
      <EvidenceEditor card={card} />
    </div>
  );
}
