/**
 * An avatar's letters: the first letters of a name's first and last words,
 * counting only words that start with a letter, so "Viewer (link)" is "V",
 * not "V(".
 */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  const first = words[0];
  if (!first) return '?';
  const last = words.length > 1 ? words[words.length - 1]! : '';
  return (firstLetter(first) + firstLetter(last)).toUpperCase();
}

/** The first character, whole even outside the Basic Multilingual Plane. */
const firstLetter = (word: string): string => [...word][0] ?? '';
