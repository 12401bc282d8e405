import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PeerInstances } from './peer-instances.ts';

function presence(): { awareness: Awareness; id: number; update: () => Uint8Array } {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalStateField('cursor', { x: 1 });
  const id = awareness.clientID;
  return { awareness, id, update: () => encodeAwarenessUpdate(awareness, [id]) };
}

describe('PeerInstances', () => {
  it('hands back the states an instance relayed once it is quiet for the timeout', () => {
    const peers = new PeerInstances(3_000);
    const onA = presence();
    const onB = presence();
    peers.relayed('map-1', 'A', onA.update(), 0);
    peers.relayed('map-1', 'B', onB.update(), 0);
    peers.heard('B', 2_000);
    expect(peers.takeGhosts(2_500)).toEqual([]);
    expect(peers.takeGhosts(3_500)).toEqual([{ mapId: 'map-1', clientIds: [onA.id] }]);
    // Handed back once; B is still alive.
    expect(peers.takeGhosts(3_600)).toEqual([]);
  });

  it('forgets states their instance removed, and follows a client to the instance now relaying it', () => {
    const peers = new PeerInstances(3_000);
    const left = presence();
    const moved = presence();
    peers.relayed('map-1', 'A', left.update(), 0);
    peers.relayed('map-1', 'A', moved.update(), 0);
    removeAwarenessStates(left.awareness, [left.id], 'test');
    peers.relayed('map-1', 'A', encodeAwarenessUpdate(left.awareness, [left.id]), 0);
    peers.relayed('map-1', 'B', moved.update(), 0);
    peers.heard('B', 4_000);
    expect(peers.takeGhosts(4_000)).toEqual([]);
  });
});
