import { quoteCard } from '@journeyboard/shared/board';

/** Cards named in a sentence by their text: “A”, “A” and “B”, “A”, “B” and 2 more. */
export function nameCards(texts: readonly string[]): string {
  const quoted = texts.slice(0, 2).map(quoteCard);
  const more = texts.length - quoted.length;
  if (more > 0) return `${quoted.join(', ')} and ${more} more`;
  return quoted.join(' and ');
}

const people = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** Who did something, as a sentence starts: “Ana”, “Ana and Ben”; “Someone” when not known. */
export function namePeople(names: readonly string[] | null): string {
  return names && names.length > 0 ? people.format(names) : 'Someone';
}
