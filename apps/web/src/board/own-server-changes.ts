/**
 * A change the server makes to the board on this person's behalf (restoring
 * a version) reaches this tab over the sync socket like anyone else's: the
 * socket carries no author. While such a request is in flight, and a moment
 * after its answer (the socket may deliver later than the answer), the
 * board's remote changes are taken as this person's own — so nobody is told
 * "Changed by others" about what they just did themselves.
 */
const AFTER_ANSWER_MS = 1_000;

let inFlight = 0;
let quietUntil = 0;

/** Marks `request` as changing the board on this person's behalf. */
export async function asOwnServerChange<T>(request: Promise<T>): Promise<T> {
  inFlight += 1;
  try {
    return await request;
  } finally {
    inFlight -= 1;
    quietUntil = Date.now() + AFTER_ANSWER_MS;
  }
}

/** Whether remote board changes arriving now are this person's own (see above). */
export const expectingOwnServerChange = (): boolean => inFlight > 0 || Date.now() < quietUntil;
