import type { TMember } from '@journeyboard/shared';
import { useEffect, useRef } from 'react';

/**
 * The people an "@…" being typed may mean, as a listbox over what is under
 * the comment box (an overlay: closing it moves no button under the
 * pointer). The text box keeps the focus (aria-activedescendant points
 * here); a click picks without taking the focus away.
 */
export function MentionSuggestions({
  id,
  people,
  active,
  onPick,
}: {
  id: string;
  people: readonly TMember[];
  active: number;
  onPick: (member: TMember) => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  // A reply box low in the panel: the list it opens is scrolled into view.
  useEffect(() => {
    // A block: newer browsers' scrollIntoView returns a promise, which an effect must not.
    list.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  useEffect(() => {
    list.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <ul
      ref={list}
      id={id}
      role="listbox"
      aria-label="People to mention"
      className="mention-suggestions"
    >
      {people.map((member, index) => (
        <li
          key={member.userId}
          id={mentionOptionId(id, index)}
          role="option"
          aria-selected={index === active}
          className="mention-suggestions__option"
          // Keep the caret in the text box.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(member)}
        >
          <span className="mention-suggestions__name">{member.name}</span>{' '}
          <span className="mention-suggestions__email">{member.email}</span>
        </li>
      ))}
    </ul>
  );
}

export const mentionOptionId = (listId: string, index: number) => `${listId}-option-${index}`;
