import { addCard, applyTemplate, BoardStore, setCardText } from '@journeyboard/shared/board';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ActivityRecorder, type ActivityRecord } from './activity-recorder.ts';
import { AuthoredOrigin } from './attribution.ts';
import type { SyncLogger } from './logger.ts';

const ana = new AuthoredOrigin({ kind: 'member', id: 'ana', name: 'Ana' });
const bo = new AuthoredOrigin({ kind: 'member', id: 'bo', name: 'Bo' });
/** A change recorded by another instance (REDIS_URL): it only moves the board on here. */
const fromAnotherInstance = Symbol('another instance');

const silent: SyncLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const recorders: ActivityRecorder[] = [];
afterEach(() => recorders.splice(0).forEach((recorder) => recorder.stop()));

function board() {
  const doc = new Y.Doc();
  applyTemplate(doc, 'blank');
  const { stages, lanes } = new BoardStore(doc).getSnapshot();
  const card = addCard(doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'Email' })!;
  const saved = new Map<string, ActivityRecord>();
  const recorder = new ActivityRecorder({
    mapId: 'map',
    doc,
    sink: { save: async (_mapId, records) => void records.forEach((r) => saved.set(r.id, r)) },
    records: (origin) => origin !== fromAnotherInstance,
    flushIntervalMs: 60_000,
    log: silent,
  });
  recorders.push(recorder);
  const write = (text: string, origin: unknown) =>
    doc.transact(() => setCardText(doc, card, text), origin);
  const entries = async () => {
    await recorder.flush();
    return [...saved.values()].map(({ author, changes }) => ({
      author: author.name,
      texts: changes.map((change) => (change.kind === 'card.text' ? [change.from, change.to] : [])),
    }));
  };
  return { write, entries };
}

describe('ActivityRecorder', () => {
  it('folds one person’s edits to a card into one entry', async () => {
    const { write, entries } = board();
    write('Email staff', ana);
    write('Email staff today', ana);
    expect(await entries()).toEqual([{ author: 'Ana', texts: [['Email', 'Email staff today']] }]);
  });

  it('starts a new entry when someone else edited the card in between, here or on another instance', async () => {
    const { write, entries } = board();
    write('Email staff', ana);
    write('Email staff and admins', bo);
    write('Email staff and admins, day 1', ana);
    write('Email all staff and admins, day 1', fromAnotherInstance);
    write('Email all staff and admins, day 2', ana);
    expect(await entries()).toEqual([
      { author: 'Ana', texts: [['Email', 'Email staff']] },
      { author: 'Bo', texts: [['Email staff', 'Email staff and admins']] },
      { author: 'Ana', texts: [['Email staff and admins', 'Email staff and admins, day 1']] },
      {
        author: 'Ana',
        texts: [['Email all staff and admins, day 1', 'Email all staff and admins, day 2']],
      },
    ]);
  });
});
