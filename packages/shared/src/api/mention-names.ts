/**
 * Mentions written as text: "@Full Name" of someone who may be mentioned.
 * The server resolves them when a comment is written (so every client, and
 * a comment typed without the picker, mentions the same people); the web's
 * composer uses the same rules to say who will be notified.
 *
 * - The name is matched whole and case-insensitively, and must end where a
 *   word ends: "@Fran" is not a mention of Frank, "@fran," is one of Fran.
 * - The longest name wins: with both "Fran" and "Fran Facilitator" among the
 *   people, "@Fran Facilitator" mentions only the second.
 * - An "@" inside a word (an email address) starts no mention.
 * - A name two people share is ambiguous: typed, it mentions neither (the
 *   picker, which sends the id, is the way to reach one of them).
 */
export interface MentionablePerson {
  readonly id: string;
  readonly name: string;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

const fold = (text: string) => text.toLocaleLowerCase('en');

/** The ids of the people "@Name" mentions in `text`, each once, in order of appearance. */
export function mentionedInText(text: string, people: readonly MentionablePerson[]): string[] {
  const byName = new Map<string, string | null>();
  for (const person of people) {
    const name = fold(person.name.trim());
    if (!name) continue;
    const known = byName.get(name);
    // null marks a name shared by two different people.
    byName.set(name, known === undefined || known === person.id ? person.id : null);
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const folded = fold(text);
  const found = new Set<string>();
  for (let at = folded.indexOf('@'); at !== -1; at = folded.indexOf('@', at + 1)) {
    if (at > 0 && WORD_CHAR.test(folded.charAt(at - 1))) continue;
    const name = names.find(
      (candidate) =>
        folded.startsWith(candidate, at + 1) &&
        !WORD_CHAR.test(folded.charAt(at + 1 + candidate.length)),
    );
    const id = name === undefined ? undefined : byName.get(name);
    if (id) found.add(id);
  }
  return [...found];
}
