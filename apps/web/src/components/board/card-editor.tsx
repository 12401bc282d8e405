import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

interface CardEditorProps {
  initialText: string;
  onSave: (text: string, viaKeyboard: boolean) => void;
  onCancel: () => void;
}

/**
 * The multi-line editor of a card. Leaving the field or Ctrl/Cmd+Enter saves;
 * Escape drops the changes. While it is open the browser's own text undo
 * applies (the board's Undo shortcuts ignore text fields).
 */
export function CardEditor({ initialText, onSave, onCancel }: CardEditorProps) {
  const [draft, setDraft] = useState(initialText);
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
    if (save) onSave(draft, viaKeyboard);
    else onCancel();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(false, true);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      finish(true, true);
    }
  };

  return (
    <textarea
      ref={ref}
      className="card__editor"
      aria-label="Card text"
      placeholder="Write something…"
      rows={2}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true, false)}
    />
  );
}
