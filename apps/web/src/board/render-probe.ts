/**
 * Instrumentation for tests: memoised board components report each render
 * here, so a test can prove that a remote edit re-renders only what changed.
 * Nothing listens in the app, so a report costs one null check.
 */
type RenderListener = (component: string, id: string) => void;

let listener: RenderListener | null = null;

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
