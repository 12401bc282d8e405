/**
 * Scale-out only: which other server instances are alive, and which relayed
 * presence states belong to which of them.
 *
 * Every instance publishes a heartbeat on `<prefix>:instances` (redis-relay.ts).
 * A presence state relayed from another instance is only as alive as that
 * instance: when one is SIGKILLed nobody sends the removals its closing
 * sockets would have sent, and y-protocols would keep its people's cursors
 * on every other instance for its 30 s awareness timeout. So each relayed
 * state is recorded with the instance it came from, and an instance not
 * heard from (heartbeat or any relayed presence) for `timeoutMs` is taken
 * for dead: its states are handed back to be dropped. A quiet instance that
 * was only cut off comes back with its next heartbeat; its people reappear
 * with their next presence change.
 */
import * as decoding from 'lib0/decoding';

/** The presence states to drop on one map. */
export interface GhostPresence {
  readonly mapId: string;
  readonly clientIds: number[];
}

export class PeerInstances {
  private readonly timeoutMs: number;
  /** instance id → when we last heard from it (ms, monotonic). */
  private readonly lastHeard = new Map<string, number>();
  /** mapId → awareness client id → the instance that relayed its state. */
  private readonly owners = new Map<string, Map<number, string>>();

  constructor(timeoutMs: number) {
    this.timeoutMs = timeoutMs;
  }

  /** A heartbeat or any message from `instanceId`. */
  heard(instanceId: string, now: number): void {
    this.lastHeard.set(instanceId, now);
  }

  /** `update` (a y-protocols awareness update) was relayed on `mapId` by `instanceId`. */
  relayed(mapId: string, instanceId: string, update: Uint8Array, now: number): void {
    this.heard(instanceId, now);
    let owners = this.owners.get(mapId);
    if (!owners) this.owners.set(mapId, (owners = new Map<number, string>()));
    for (const { clientId, removed } of readClients(update)) {
      if (removed) owners.delete(clientId);
      else owners.set(clientId, instanceId);
    }
  }

  /** The map is no longer followed here. */
  forgetMap(mapId: string): void {
    this.owners.delete(mapId);
  }

  /** Forgets the instances quiet for longer than the timeout; returns what they relayed. */
  takeGhosts(now: number): GhostPresence[] {
    const dead = new Set<string>();
    for (const [instanceId, heardAt] of this.lastHeard) {
      if (now - heardAt > this.timeoutMs) dead.add(instanceId);
    }
    if (dead.size === 0) return [];
    for (const instanceId of dead) this.lastHeard.delete(instanceId);
    const ghosts: GhostPresence[] = [];
    for (const [mapId, owners] of this.owners) {
      const clientIds = [...owners].filter(([, owner]) => dead.has(owner)).map(([id]) => id);
      for (const clientId of clientIds) owners.delete(clientId);
      if (clientIds.length > 0) ghosts.push({ mapId, clientIds });
    }
    return ghosts;
  }
}

/**
 * The client ids in an awareness update and whether each is a removal (its
 * state is JSON `null`), without parsing the states.
 */
function readClients(update: Uint8Array): { clientId: number; removed: boolean }[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const clients: { clientId: number; removed: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // clock
    const state = decoding.readVarUint8Array(decoder);
    const removed =
      state.length === 4 &&
      state[0] === 0x6e && // n
      state[1] === 0x75 && // u
      state[2] === 0x6c && // l
      state[3] === 0x6c; // l
    clients.push({ clientId, removed });
  }
  return clients;
}
