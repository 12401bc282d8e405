/**
 * Read-only enforcement. A viewer's client still sends its local edits (the
 * stock provider has no notion of permissions), so the server must refuse
 * them: sync step 2 and updates from a connection without `board.edit` are
 * dropped — never applied, stored or relayed. Sync step 1 is answered as
 * usual (that is how a viewer receives the board), and awareness still flows
 * so viewers appear in presence.
 *
 * The UI must lock editing for viewers too: a dropped edit stays in the
 * viewer's local document (and the device's copy of it). A dropped write that
 * would have changed the board — typically edits made offline by someone
 * made a viewer meanwhile — is refused to its sender in words
 * (refused-writes.ts): the web then names the changes and reloads the
 * server's board, so they don't stay on that screen as if saved.
 */
import type { ConnectionAccess } from './access.ts';
import type { InboundMessage } from './protocol.ts';

export function isWriteMessage(message: InboundMessage): boolean {
  return message.kind === 'sync-step-2' || message.kind === 'update';
}

/** Whether a connection with `access` may have `message` processed. */
export function permits(access: ConnectionAccess, message: InboundMessage): boolean {
  return access.capabilities.includes('board.edit') || !isWriteMessage(message);
}
