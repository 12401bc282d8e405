/**
 * Instrumentation for tests and the board benchmark: memoised board
 * components report each render here, so a test can prove that a remote edit
 * re-renders only what changed. Nothing listens in the app, so a report
 * costs one null check.
 */
type RenderListener = (component: string, id: string) => void;

declare global {
  /**
   * Set (to an empty array) by the benchmark before the app loads; each
   * render is then appended as "Component:id". Never set in normal use.
   */
  var __journeyboardRenders: string[] | undefined;
}

let listener: RenderListener | null = Array.isArray(globalThis.__journeyboardRenders)
  ? (component, id) => globalThis.__journeyboardRenders?.push(`${component}:${id}`)
  : null;

export function reportRender(component: string, id: string): void {
  listener?.(component, id);
}

/** Starts listening; returns a function that stops. */
export function listenToRenders(next: RenderListener): () => void {
  listener = next;
  return () => {
    if (listener === next) listener = null;
  };
}
