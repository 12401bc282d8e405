/** A map event stream (SSE) read the way a board tab reads it: one per participant. */
import type { TMapEvent } from '@journeyboard/shared';

export interface WatchedStream {
  /** Resolves with the time (performance.now) the first matching event arrived. */
  when(match: (event: TMapEvent) => boolean): Promise<number>;
  close(): void;
}

export async function openEventStream(
  baseUrl: string,
  mapId: string,
  headers: Record<string, string>,
): Promise<WatchedStream> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/maps/${mapId}/events`, {
    headers,
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`event stream: ${response.status}`);
  const seen: { event: TMapEvent; at: number }[] = [];
  const waiters = new Set<() => void>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const at = performance.now();
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of frame.split('\n')) {
            if (line.startsWith('data: ')) {
              seen.push({ event: JSON.parse(line.slice(6)) as TMapEvent, at });
            }
          }
        }
        for (const waiter of waiters) waiter();
      }
    } catch {
      // closed
    }
  })();
  return {
    when: (match) =>
      new Promise((resolve) => {
        const check = () => {
          const found = seen.find((item) => match(item.event));
          if (!found) return;
          waiters.delete(check);
          resolve(found.at);
        };
        waiters.add(check);
        check();
      }),
    close: () => abort.abort(),
  };
}
