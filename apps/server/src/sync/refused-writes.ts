/**
 * Whether a write the read-only rule drops (read-only.ts) would have changed
 * the board — so its sender is told (`encodeWritesRefusedMessage`,
 * packages/shared) instead of keeping, as if saved, changes nobody else will
 * ever see. The usual case: an editor made a viewer or commenter while
 * offline reconnects, and the provider's sync step 2 carries the edits made
 * meanwhile.
 *
 * Every viewer's client sends a sync step 2 on connect, and it is rarely
 * empty: it always repeats the client's whole delete set (Yjs sends
 * deletions with every step 2, and a state vector says nothing about them).
 * So "not empty" is no signal; the question is whether the update would
 * change the server's document:
 *   - a struct (insert) past the server's state for its client, or
 *   - a deleted range covering an item the server still has undeleted (or
 *     has not got at all).
 * The check reads the update once and looks each deleted range up in the
 * server's struct store (a binary search per range, then the few structs it
 * covers); nothing is cloned or applied. A viewer's usual step 2 on a board
 * of 2,600 cards with every fourth deleted (1,300 ranges) took ~1 ms on a
 * loaded 2-core machine — once per connect of a read-only client.
 */
import * as Y from 'yjs';

export function wouldChangeBoard(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    // A Skip is a gap in the update, not content.
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    if (clock + struct.length > Y.getState(doc.store, client)) return true;
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      if (!deletedHere(doc, client, range.clock, range.clock + range.len)) return true;
    }
  }
  return false;
}

/** Whether every clock of `client` in [from, to) is a struct the server has, deleted. */
function deletedHere(doc: Y.Doc, client: number, from: number, to: number): boolean {
  const structs = doc.store.clients.get(client);
  if (!structs || Y.getState(doc.store, client) < to) return false;
  for (let index = Y.findIndexSS(structs, from); index < structs.length; index += 1) {
    const struct = structs[index]!;
    if (struct.id.clock >= to) break;
    // A GC struct is deleted too (its content already collected).
    if (!struct.deleted) return false;
  }
  return true;
}
