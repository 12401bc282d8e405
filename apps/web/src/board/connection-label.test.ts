import { CloseCode, CloseReason } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { pendingLabel } from '../components/board/connection-indicator.tsx';
import { connectionLabel, type ConnectionState } from './connection.ts';

const closed = (code: number, reason = ''): ConnectionState => ({
  status: 'closed',
  hasSynced: true,
  pendingChanges: 0,
  nextAttemptAt: null,
  closedWith: { code, reason },
});

describe('what the header says about the connection', () => {
  it('says why the server ended it for good, from its close code', () => {
    const accessEnded = (reason: string) =>
      connectionLabel(closed(CloseCode.accessRevoked, reason));
    expect(accessEnded(CloseReason.signedOut)).toBe('You were signed out');
    expect(accessEnded(CloseReason.removedFromWorkspace)).toBe(
      'You were removed from this workspace',
    );
    expect(accessEnded(CloseReason.shareLinkRevoked)).toBe(
      'This link was revoked — ask for a new one',
    );
    expect(accessEnded(CloseReason.shareLinkPasswordChanged)).toBe(
      'The link’s password was changed — reload the page and enter the new one',
    );
    expect(accessEnded(CloseReason.workshopLinkRevoked)).toBe(
      'The workshop link was closed — ask the facilitator',
    );
    expect(accessEnded(CloseReason.accessRevoked)).toBe('Your access to this map ended');
    expect(connectionLabel(closed(CloseCode.accessRevoked, CloseReason.linkExpired))).toBe(
      'This link has expired',
    );
    expect(connectionLabel(closed(CloseCode.mapDeleted))).toBe('This map was deleted');
    expect(connectionLabel(closed(4499))).toBe('Disconnected — reload the page');
    expect(connectionLabel({ ...closed(0), status: 'live' })).toBe('Live');
  });

  it('counts changes as waiting while they can still go, and as not saved once they cannot', () => {
    expect(pendingLabel(0)).toBeNull();
    expect(pendingLabel(1)).toBe('1 change waiting');
    expect(pendingLabel(3, true)).toBe('3 changes not saved');
  });
});
