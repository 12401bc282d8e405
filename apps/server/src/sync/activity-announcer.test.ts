import { ACTIVITY_EVENT_MAX_CARDS, SYSTEM_AUTHOR, type TMapEvent } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from './activity-recorder.ts';
import { announcesActivity } from './activity-announcer.ts';

const record = (kind: 'card' | 'stage', id: string): ActivityRecord => ({
  id: `entry-${id}`,
  author: SYSTEM_AUTHOR,
  subject: { kind, id },
  stageId: null,
  changes: [],
  firstAt: new Date(),
  at: new Date(),
});

function announcer(save: () => Promise<void> = async () => undefined) {
  const events: TMapEvent[] = [];
  const sink = announcesActivity({ save }, (_mapId, event) => events.push(event));
  return { sink, events };
}

describe('announcesActivity', () => {
  it('names each changed card once, and no stage or lane', async () => {
    const { sink, events } = announcer();
    await sink.save('map', [record('card', 'a'), record('stage', 's'), record('card', 'a')]);
    expect(events).toEqual([{ type: 'activity-written', cardIds: ['a'] }]);
  });

  it('names no card when more changed than an event may list (every byline refetches)', async () => {
    const { sink, events } = announcer();
    const many = Array.from({ length: ACTIVITY_EVENT_MAX_CARDS + 1 }, (_, i) =>
      record('card', `c${i}`),
    );
    await sink.save('map', many);
    expect(events).toEqual([{ type: 'activity-written' }]);
  });

  it('says nothing for an empty flush or a failed write (the entries are not there to read)', async () => {
    const failing = announcer(() => Promise.reject(new Error('database down')));
    await expect(failing.sink.save('map', [record('card', 'a')])).rejects.toThrow('database down');
    const empty = announcer();
    await empty.sink.save('map', []);
    expect([...failing.events, ...empty.events]).toEqual([]);
  });
});
