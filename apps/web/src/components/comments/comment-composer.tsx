import { COMMENT_BODY_MAX, mentionedInText, type TMember } from '@journeyboard/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { commentDrafts } from '../../state/comment-drafts.ts';
import { FormProblem } from '../common/form-problem.tsx';
import { MentionSuggestions, mentionOptionId } from './mention-suggestions.tsx';
import { useMentionTyping } from './use-mention-typing.ts';

/**
 * Text box with @mentions: typing "@" offers the members (use-mention-typing.ts),
 * and "Mention someone" starts one. Every "@Full Name" of a member in the
 * text mentions them — the server decides, by the same rule the line under
 * the box uses to say who will be notified.
 */
export function CommentComposer({
  label,
  submitLabel,
  members,
  initialText = '',
  onSubmit,
  onCancel,
  autoFocus = false,
  draftKey,
}: {
  label: string;
  submitLabel: string;
  members: readonly TMember[];
  initialText?: string;
  onSubmit: (body: string, mentions: string[]) => Promise<void>;
  onCancel?: () => void;
  /** Asked for by someone about to write (the comment button on a card): the cursor goes in. */
  autoFocus?: boolean;
  /** Where unsent text is kept when the box goes (state/comment-drafts.ts), and comes back from. */
  draftKey?: string;
}) {
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  // In a panel that is already open; one opening now focuses it itself (data-autofocus).
  useEffect(() => {
    const box = input.current;
    if (!autoFocus || !box) return;
    box.focus({ preventScroll: true });
    // After what is already there (an edit's text), where typing continues.
    box.setSelectionRange(box.value.length, box.value.length);
  }, [autoFocus]);
  const [text, setText] = useState(
    () => (draftKey === undefined ? undefined : commentDrafts.get(draftKey)) ?? initialText,
  );
  useEffect(() => {
    if (draftKey === undefined) return;
    // An edit's unchanged text is no draft.
    commentDrafts.keep(draftKey, text === initialText ? '' : text);
  }, [draftKey, text, initialText]);
  const cancel = onCancel
    ? () => {
        if (draftKey !== undefined) commentDrafts.forget(draftKey);
        onCancel();
      }
    : undefined;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mention = useMentionTyping({ input, text, setText, members });
  const listId = `${id}-mentions`;
  const notified = notifiedNames(text, members);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError('Write something before sending.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text, mention.pickedIn(text));
      // Sent: no draft to keep — said here, not only through the effect below, as the box may
      // be gone by now (a reply reopens a resolved thread, which leaves the Resolved list).
      if (draftKey !== undefined) commentDrafts.forget(draftKey);
      setText('');
      mention.reset();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="comment-composer" onSubmit={(event) => void submit(event)}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <div className="comment-composer__field">
        <textarea
          ref={input}
          id={id}
          data-autofocus={autoFocus ? '' : undefined}
          className="input comment-composer__input"
          value={text}
          maxLength={COMMENT_BODY_MAX}
          rows={2}
          placeholder={members.length > 0 ? 'Write a comment… (@ to mention)' : 'Write a comment…'}
          aria-autocomplete={members.length > 0 ? 'list' : undefined}
          aria-controls={mention.open ? listId : undefined}
          aria-activedescendant={mention.open ? mentionOptionId(listId, mention.active) : undefined}
          onChange={(event) => {
            setText(event.target.value);
            mention.trackCaret();
          }}
          onSelect={mention.trackCaret}
          onBlur={mention.close}
          onKeyDown={(event) => {
            if (mention.onKeyDown(event)) return;
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void submit(event);
            if (event.key === 'Escape' && cancel) cancel();
          }}
        />
        {mention.open ? (
          <MentionSuggestions
            id={listId}
            people={mention.people}
            active={mention.active}
            onPick={mention.pick}
          />
        ) : null}
      </div>
      {notified.length > 0 ? (
        <p className="comment-composer__notify">Notifies {notified.join(', ')}</p>
      ) : null}
      <FormProblem>{error}</FormProblem>
      <div className="comment-composer__actions">
        {members.length > 0 ? (
          <button
            type="button"
            className="button button--ghost comment-composer__mention"
            onClick={mention.start}
          >
            @ Mention someone
          </button>
        ) : null}
        <span className="header-spacer" />
        {cancel ? (
          <button type="button" className="button button--ghost" onClick={cancel}>
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

/** Who "@Full Name" in the text will notify, by the server's rule. */
function notifiedNames(text: string, members: readonly TMember[]): string[] {
  if (!text.includes('@')) return [];
  const people = members.map((m) => ({ id: m.userId, name: m.name }));
  const ids = mentionedInText(text, people);
  return ids.map((id) => people.find((p) => p.id === id)?.name ?? '').filter(Boolean);
}
