import { useEffect, useState } from 'react';

/**
 * Whether our clock has passed `deadline` (ms, Date.now's clock), re-rendering
 * when it does; false for none. For what ends at a known moment without an
 * event saying so: a summon's lease, a timer's zero, "Time's up" going away.
 */
export function usePassed(deadline: number | null): boolean {
  const [passed, setPassed] = useState<number | null>(null);
  useEffect(() => {
    if (deadline === null) return;
    const timer = setTimeout(() => setPassed(deadline), Math.max(0, deadline - Date.now()));
    return () => clearTimeout(timer);
  }, [deadline]);
  return deadline !== null && passed === deadline;
}
