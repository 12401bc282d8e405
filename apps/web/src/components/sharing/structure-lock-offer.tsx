import { useState, type ReactNode } from 'react';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useMapLocks } from '../../workshop/lock-queries.ts';

/**
 * Beside "Create workshop link": participants keep the map's name and the
 * board's stages and lanes as they are unless the facilitator unticks it. A participant who
 * deleted a lane took everyone's cards in it, and nobody saw who; a new
 * link now comes with the structure lock (which binds everyone without
 * `workshop.facilitate`: the facilitators themselves still change it). The
 * server sets the lock with the link (`lockStructure`), before the link
 * exists. Offered only to facilitators, and only while the structure is
 * unlocked.
 */
export function useStructureLockOffer(): {
  /** The checkbox, or null when there is nothing to offer. */
  readonly option: ReactNode;
  /** What the create-link request asks for. */
  readonly lockStructure: boolean;
} {
  const canFacilitate = useCan('workshop.facilitate');
  const locked = useMapLocks().structure;
  const [keep, setKeep] = useState(true);
  const offered = canFacilitate && !locked;
  return {
    option: offered ? (
      <label className="checkbox">
        <input type="checkbox" checked={keep} onChange={(event) => setKeep(event.target.checked)} />
        Participants keep the map’s name, stages and lanes as they are (they add and edit cards;
        unlock under Workshop › Locks)
      </label>
    ) : null,
    lockStructure: offered && keep,
  };
}
