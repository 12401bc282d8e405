/**
 * A running round's progress as the facilitator reads it: how many have
 * voted (or rated) of how many here may, so they know when the room is done.
 * `here` is null without presence (then just the count); someone who voted
 * and left can make `done` exceed `here` (then just the count too).
 */
export function roundProgressText({
  done,
  items,
  here,
  verb,
  item,
}: {
  /** People who have voted or rated. */
  done: number;
  /** Their votes or scores. */
  items: number;
  /** People here who may take part, the facilitator included, or null when unknown. */
  here: number | null;
  verb: 'voted' | 'rated';
  item: 'vote' | 'score';
}): string {
  const known = here !== null && here >= done;
  if (done === 0) {
    // "· 0 here can take part" told a facilitator alone on the map nothing.
    return known && here > 0
      ? `Nobody has ${verb} yet · ${here} here can take part`
      : `Nobody has ${verb} yet`;
  }
  const things = `(${items} ${item}${items === 1 ? '' : 's'})`;
  if (known) return `${done} of ${here} ${here === 1 ? 'has' : 'have'} ${verb} ${things}`;
  return `${done} ${done === 1 ? 'person has' : 'people have'} ${verb} ${things}`;
}
