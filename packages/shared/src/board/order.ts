import { generateKeyBetween } from 'fractional-indexing';

/**
 * Order keys are fractional indexes: moving an item rewrites only its own key,
 * so two people reordering different items at once both keep their move, and
 * two moving the same item converge on one of the two (last writer wins).
 * Equal keys (two concurrent inserts at one spot) are tie-broken by id.
 */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    // Only reachable when concurrent inserts produced equal keys; placing the
    // item just after `before` keeps it next to where it was dropped.
    return generateKeyBetween(before, null);
  }
  return generateKeyBetween(before, after);
}

export function compareByOrder(
  a: { order: string; id: string },
  b: { order: string; id: string },
): number {
  if (a.order < b.order) return -1;
  if (a.order > b.order) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The key that puts an item at `index` among `siblings` (sorted, excluding the item itself). */
export function keyForIndex(siblings: readonly { order: string }[], index: number): string {
  const clamped = Math.max(0, Math.min(index, siblings.length));
  const before = clamped > 0 ? (siblings[clamped - 1]?.order ?? null) : null;
  const after = clamped < siblings.length ? (siblings[clamped]?.order ?? null) : null;
  return keyBetween(before, after);
}
