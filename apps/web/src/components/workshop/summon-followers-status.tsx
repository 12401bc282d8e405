import { useEffect, useState } from 'react';
import { summonFollowers } from '../../presence/people.ts';
import { usePeople } from '../../presence/use-presence.ts';

/**
 * How long after "Bring everyone to me" the others' presence may still say they follow nothing:
 * each needs the summon event, then their presence back (~0.2 s measured). Until then the
 * banner says it is bringing them, not "Nobody follows".
 */
const ARRIVING_MS = 1_500;

/**
 * Who is along, for the one bringing everyone: "Gabi follows your view", "Both follow…",
 * "All 6 follow…", or "4 of 6 follow your view · not following: Ana, Ben" — someone who moved
 * away or pressed "Stop following" is no longer where the facilitator points.
 */
export function SummonFollowersStatus({ startedAt }: { startedAt: string }) {
  const people = usePeople();
  const arriving = useWithin(startedAt, ARRIVING_MS);
  const { along, elsewhere } = summonFollowers(people, startedAt);
  const counted = along.length + elsewhere.length;
  if (counted === 0) return <>Everyone who joins follows your view</>;
  if (elsewhere.length === 0) {
    const who =
      along.length === 1
        ? `${along[0]!.name} follows`
        : along.length === 2
          ? 'Both follow'
          : `All ${along.length} follow`;
    return <>{who} your view</>;
  }
  if (arriving) return <>Bringing everyone to your view…</>;
  const names = elsewhere.slice(0, 3).map((person) => person.name);
  const more = elsewhere.length - names.length;
  return (
    <>
      {along.length === 0 ? 'Nobody follows' : `${along.length} of ${counted} follow`} your view ·
      not following: {names.join(', ')}
      {more > 0 ? ` and ${more} more` : ''}
    </>
  );
}

/** True for `ms` after `key` was first seen here (then re-renders once). */
function useWithin(key: string, ms: number): boolean {
  const [passed, setPassed] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setPassed(key), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return passed !== key;
}
