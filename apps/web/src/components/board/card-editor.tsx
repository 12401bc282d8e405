import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import type { Card, LaneKind } from '../../board/use-board.ts';
import { cardDraftOf, forgetCardDraft, rememberCardDraft } from '../../state/card-draft.ts';
import { CardByline } from '../history/card-byline.tsx';
import { CardFieldsEditor } from '../lane-kinds/card-fields-editor.tsx';
import { EvidenceEditor } from '../evidence/evidence-editor.tsx';
import { CardTextInput } from './card-text-input.tsx';
import { useEditorInView } from './use-editor-in-view.ts';

interface CardEditorProps {
  card: Card;
  laneKind: LaneKind;
  /** Called once, as the editor closes, with the text the editor opened with and the text now. */
  onSave: (base: string, next: string, viaKeyboard: boolean) => void;
  /**
   * The page is being left (a reload, a closed tab, another app): what was
   * typed goes into the board now and the editor stays open, since a page
   * that comes back from the background is still being written in.
   */
  onKeep: (base: string, next: string) => void;
  onCancel: () => void;
}

/**
 * The open card: multi-line text, the fields of its lane's kind, its evidence. Leaving
 * the card or Ctrl/Cmd+Enter saves the text; Escape drops the text changes (since
 * they were last kept: leaving the page keeps them, see `onKeep`).
 * The text is saved as a change from what the editor opened with, so a
 * collaborator's edit to the same card meanwhile is kept (editCardText).
 * While it is open the browser's own text undo applies.
 */
export function CardEditor({ card, laneKind, onSave, onKeep, onCancel }: CardEditorProps) {
  // Drawn anew while being written (someone moved the card to another cell): carry on.
  const [resumed] = useState(() => cardDraftOf(card.id));
  // What the board holds of this editor's text: what it opened with, then what was kept.
  const base = useRef(resumed?.base ?? card.text);
  const [draft, setDraft] = useState(resumed?.text ?? card.text);
  const ref = useRef<HTMLTextAreaElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  // Escape/Ctrl+Enter unmount the editor, which may fire a blur: save only once.
  const finished = useRef(false);

  // A reload or a closed tab fires neither blur nor a key: without this, the
  // text would be lost and only the empty card it was typed into would stay.
  useEffect(() => {
    const keep = () => {
      if (finished.current || draft === base.current) return;
      onKeep(base.current, draft);
      base.current = draft;
      rememberCardDraft({ card, laneKind, base: draft, text: draft });
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') keep();
    };
    // Leaving a card nothing was ever written in is Escape: a new one is taken back, not left
    // empty on everyone's board. (Only on leaving: a hidden tab may come back to be written in.)
    const onPageHide = () => {
      if (finished.current || draft.trim() !== '' || base.current !== '') return keep();
      finished.current = true;
      onCancel();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [draft, onKeep, onCancel, card, laneKind]);

  useLayoutEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }, []);

  // After the text has its height (CardTextInput): the whole editor in view, scrolling inside if it must.
  useEditorInView(panelRef);

  const finish = (save: boolean, viaKeyboard: boolean) => {
    if (finished.current) return;
    finished.current = true;
    forgetCardDraft();
    if (save) onSave(base.current, draft, viaKeyboard);
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
    <div ref={panelRef} className="card__editor-panel" onKeyDown={onKeyDown} onBlur={onBlur}>
      <CardTextInput
        ref={ref}
        label="Card text"
        placeholder="Write something…"
        value={draft}
        onChange={(event) => {
          const text = event.target.value;
          rememberCardDraft({ card, laneKind, base: base.current, text });
          setDraft(text);
        }}
      />
      <CardFieldsEditor card={card} laneKind={laneKind} />
      <EvidenceEditor card={card} />
      {/* Last: what it says is about the card, not one of its fields. */}
      <CardByline cardId={card.id} />
    </div>
  );
}
