// A facilitator's board or structure lock (and a silent brainstorm, which locks the shared
// board for participants) covers the map's name and description too: a workshop guest, who
// may rename the map otherwise, is refused over REST — not only offered no rename in the web.
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorkshopFixture, type WorkshopFixture } from '../factories/workshop-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();
let workshop: WorkshopFixture;
beforeEach(async () => {
  workshop = await createWorkshopFixture(app());
});

const rename = (who: WorkshopFixture['guest'], payload: object) =>
  who.inject({ method: 'PATCH', url: `/api/maps/${workshop.map.id}`, payload });
const post = (path: string, payload: object = {}) =>
  workshop.owner.inject({ method: 'POST', url: `/api/maps/${workshop.map.id}/${path}`, payload });
const title = async () =>
  (await workshop.owner.inject({ method: 'GET', url: `/api/maps/${workshop.map.id}` })).json<{
    title: string;
  }>().title;

describe('the map’s name under a board lock', () => {
  it('refuses a participant’s rename with 409 while the board is locked, lets the facilitator rename, and the participant again once it is lifted', async () => {
    const before = await title();
    expect((await post('locks', { scope: 'board' })).statusCode).toBe(200);

    const refused = await rename(workshop.guest, { title: 'Renamed under the lock' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'BOARD_LOCKED' } });
    expect(refused.json().error.message).toMatch(/facilitator/i);
    const described = await rename(workshop.guest, { description: 'Described under the lock' });
    expect(described.statusCode).toBe(409);
    expect(await title()).toBe(before);

    // Facilitators are never bound by their locks.
    expect((await rename(workshop.editor, { title: 'Tidied by the facilitator' })).statusCode).toBe(
      200,
    );

    await post('locks/unlock', { scope: 'board' });
    expect((await rename(workshop.guest, { title: 'After the lock' })).statusCode).toBe(200);
    expect(await title()).toBe('After the lock');
  });

  it('refuses it under a structure lock too (the frame: the name, stages and lanes)', async () => {
    const before = await title();
    await post('locks', { scope: 'structure' });
    const refused = await rename(workshop.guest, { title: 'Under a structure lock' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/structure/);
    expect(await title()).toBe(before);
    await post('locks/unlock', { scope: 'structure' });
    expect((await rename(workshop.guest, { title: 'Lifted' })).statusCode).toBe(200);
  });

  it('refuses a participant’s rename while a silent brainstorm runs', async () => {
    expect((await post('private-mode')).statusCode).toBe(200);
    const refused = await rename(workshop.guest, { title: 'Renamed in the brainstorm' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'BOARD_LOCKED' } });
  });
});
