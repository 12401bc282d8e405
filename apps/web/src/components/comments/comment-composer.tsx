import { COMMENT_BODY_MAX, type TMember } from '@journeyboard/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { FormProblem } from '../common/form-problem.tsx';

/**
 * Text box + @mention picker. Picking a member inserts "@Name" and remembers
 * their id; only people whose "@Name" is still in the text when sending are
 * mentioned.
 */
export function CommentComposer({
  label,
  submitLabel,
  members,
  initialText = '',
  onSubmit,
  onCancel,
  autoFocus = false,
}: {
  label: string;
  submitLabel: string;
  members: readonly TMember[];
  initialText?: string;
  onSubmit: (body: string, mentions: string[]) => Promise<void>;
  onCancel?: () => void;
  /** Asked for by someone about to write (the comment button on a card): the cursor goes in. */
  autoFocus?: boolean;
}) {
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  // In a panel that is already open; one opening now focuses it itself (data-autofocus).
  useEffect(() => {
    if (autoFocus) input.current?.focus({ preventScroll: true });
  }, [autoFocus]);
  const [text, setText] = useState(initialText);
  const [picked, setPicked] = useState<readonly TMember[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError('Write something before sending.');
      return;
    }
    const mentions = picked.filter((m) => text.includes(`@${m.name}`)).map((m) => m.userId);
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text, [...new Set(mentions)]);
      setText('');
      setPicked([]);
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
      <textarea
        ref={input}
        id={id}
        data-autofocus={autoFocus ? '' : undefined}
        className="input comment-composer__input"
        value={text}
        maxLength={COMMENT_BODY_MAX}
        rows={2}
        placeholder="Write a comment…"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void submit(event);
          if (event.key === 'Escape' && onCancel) onCancel();
        }}
      />
      <FormProblem>{error}</FormProblem>
      <div className="comment-composer__actions">
        {members.length > 0 ? (
          <select
            className="input comment-composer__mention"
            aria-label="Mention someone"
            value=""
            onChange={(event) => {
              const member = members.find((m) => m.userId === event.target.value);
              if (!member) return;
              setText(
                (current) =>
                  `${current}${current && !current.endsWith(' ') ? ' ' : ''}@${member.name} `,
              );
              setPicked((current) => [...current, member]);
            }}
          >
            <option value="">@ Mention…</option>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </select>
        ) : null}
        <span className="header-spacer" />
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
