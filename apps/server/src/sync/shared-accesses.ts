/**
 * One `ConnectionAccess` for every connection whose access came out the same:
 * one person's tabs and devices on a map, say, or a kiosk left open. Each
 * would otherwise keep its own copy of the identity, the person's id and
 * name, and the grant keys the access rests on (~0.4 KiB a socket).
 *
 * Sharing is safe because an access is never changed once decided: a
 * revocation or a new role closes the socket, and the next one is decided
 * afresh. A shared record is frozen, so a change would throw rather than
 * reach another connection. Records are held weakly, so one lives exactly as
 * long as some connection holds it; anonymous link viewers get an id of their
 * own per socket (access.ts), so theirs are never shared. Equal means equal as
 * JSON, in the order access.ts builds it: two accesses that differ only in
 * key order are merely not shared.
 */
import type { ConnectionAccess } from './access.ts';

export class SharedAccesses {
  private readonly byContent = new Map<string, WeakRef<ConnectionAccess>>();
  private readonly forget = new FinalizationRegistry<string>((content) => {
    // A newer record may have taken the key since this one was collected.
    if (this.byContent.get(content)?.deref() === undefined) this.byContent.delete(content);
  });

  /** `access`, or the record already held for an access equal to it. */
  share(access: ConnectionAccess): ConnectionAccess {
    const content = JSON.stringify(access);
    const held = this.byContent.get(content)?.deref();
    if (held) return held;
    freeze(access);
    this.byContent.set(content, new WeakRef(access));
    this.forget.register(access, content);
    return access;
  }

  /** How many distinct records are held (tests). */
  get size(): number {
    return this.byContent.size;
  }
}

function freeze(access: ConnectionAccess): void {
  if (access.identity) Object.freeze(access.identity);
  if (access.grants) Object.freeze(access.grants);
  Object.freeze(access);
}
