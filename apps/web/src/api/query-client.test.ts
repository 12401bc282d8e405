import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createQueryClient, refetchChanged } from './query-client.ts';

/** The server's list; `answerLater` holds a request's answer until the test lets it go. */
function fakeServer() {
  let links: string[] = [];
  const held: (() => void)[] = [];
  return {
    create: (link: string) => void (links = [...links, link]),
    list: () => {
      const answer = [...links]; // what the server had when the request reached it
      return new Promise<string[]>((resolve) => held.push(() => resolve(answer)));
    },
    answerAll: () => held.splice(0).forEach((answer) => answer()),
  };
}

describe('refetchChanged', () => {
  it('shows a change made while the first load was still under way', async () => {
    const client = createQueryClient({ retry: false });
    const server = fakeServer();
    const observer = new QueryObserver(client, { queryKey: ['links'], queryFn: server.list });
    const unsubscribe = observer.subscribe(() => undefined);
    // The dialog opened: its first load is on its way. Then a link is created.
    server.create('link 1');
    const refreshed = refetchChanged(client, { queryKey: ['links'] });
    // Let the first load (without the link) and the refetch after the change answer.
    await new Promise((resolve) => setTimeout(resolve, 0));
    server.answerAll();
    await refreshed;
    server.answerAll();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(client.getQueryData(['links'])).toEqual(['link 1']);
    unsubscribe();
  });
});
