import type { TMember } from '@journeyboard/shared';
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { mentionQueryAt, suggestMembers, type MentionQuery } from '../../comments/mention-query.ts';

/**
 * @mentions while typing: after an "@" the box offers the members whose
 * names match what follows (arrows move, Enter or Tab picks, Escape closes
 * until the next "@"). Picking writes "@Full Name " in place of the query.
 * The server turns every typed "@Full Name" into a mention, so this only
 * helps to write names right; the picked ids are sent too (they reach one of
 * two people who share a name).
 */
export function useMentionTyping({
  input,
  text,
  setText,
  members,
}: {
  input: RefObject<HTMLTextAreaElement | null>;
  text: string;
  setText: (text: string) => void;
  members: readonly TMember[];
}) {
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  /** The "@" whose suggestions Escape closed. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [picked, setPicked] = useState<readonly TMember[]>([]);
  const caretAfterPick = useRef<number | null>(null);

  const query: MentionQuery | null = caret === null ? null : mentionQueryAt(text, caret);
  const people = query && query.start !== dismissedAt ? suggestMembers(members, query.text) : [];
  const open = people.length > 0;
  const current = Math.min(active, people.length - 1);

  useLayoutEffect(() => {
    const at = caretAfterPick.current;
    if (at === null || !input.current) return;
    caretAfterPick.current = null;
    input.current.focus();
    input.current.setSelectionRange(at, at);
    setCaret(at);
  }, [text, input]);

  const pick = (member: TMember) => {
    if (!query) return;
    const inserted = `@${member.name} `;
    const rest = text.slice(query.end).replace(/^ /, '');
    caretAfterPick.current = query.start + inserted.length;
    setText(text.slice(0, query.start) + inserted + rest);
    setPicked((earlier) => [...earlier, member]);
    setActive(0);
    // Done with this "@": "@Full Name " would still match and keep the list open.
    setDismissedAt(query.start);
  };

  /** "Mention someone": an "@" at the caret, whose suggestions then open. */
  const start = () => {
    const at = input.current?.selectionStart ?? text.length;
    const before = text.slice(0, at);
    const insert = before && !/\s$/.test(before) ? ' @' : '@';
    caretAfterPick.current = at + insert.length;
    setText(before + insert + text.slice(at));
    setDismissedAt(null);
  };

  /** Handles the key when the suggestions are open; true when it did. */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    const move = (by: number) => setActive((current + by + people.length) % people.length);
    if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
    else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      const member = people[current];
      if (member) pick(member);
    } else if (event.key === 'Escape') setDismissedAt(query?.start ?? null);
    else return false;
    // Escape closes only the suggestions, never the reply or the panel.
    event.preventDefault();
    event.stopPropagation();
    return true;
  };

  /** Follows the caret (typing, clicks, arrow keys outside the list); a new place starts at the top. */
  const trackCaret = () => {
    const box = input.current;
    if (!box) return;
    const next = box.selectionStart === box.selectionEnd ? box.selectionStart : null;
    if (next === caret) return;
    setCaret(next);
    setActive(0);
  };

  return {
    open,
    people,
    active: current,
    pick,
    start,
    onKeyDown,
    trackCaret,
    /** Leaving the box closes the suggestions (a click on one keeps the focus). */
    close: () => setCaret(null),
    /** Picked people whose "@Full Name" is still in `body`. */
    pickedIn: (body: string) => [
      ...new Set(picked.filter((m) => body.includes(`@${m.name}`)).map((m) => m.userId)),
    ],
    reset: () => {
      setPicked([]);
      setDismissedAt(null);
      setCaret(null);
    },
  };
}
