import { expect, test } from './fixtures/index.ts';

test('a new map made from a template starts with its stages, lanes, example cards and emotion curve', async ({
  mapList,
  page,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Support journey', 'Customer support');

  await expect(board.stageHeaders()).toHaveText([
    /Problem occurs/,
    /Seeks help/,
    /Contacts support/,
    /Resolution/,
    /Follow-up/,
  ]);
  for (const lane of ['Touchpoints', 'Pain points', 'Opportunities', 'Backstage', 'Metrics']) {
    await expect(page.getByRole('button', { name: `Rename lane ${lane}` })).toBeVisible();
  }
  await expect(
    board.cardIn('Chatbot cannot hand over the conversation', {
      stage: 'Contacts support',
      lane: 'Pain points',
    }),
  ).toContainText('High severity');
  await expect(
    board.cardIn('Support hotline', { stage: 'Contacts support', lane: 'Touchpoints' }),
  ).toContainText('Phone');
  // The stage's tools show while the pointer is on its header.
  await page.getByTestId('stage-header').filter({ hasText: 'Contacts support' }).hover();
  await page.getByRole('button', { name: 'Actions for stage Contacts support' }).click();
  await expect(page.getByRole('menuitemcheckbox', { name: 'Moment of truth' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.keyboard.press('Escape');
  await expect(board.emotionCurve()).toHaveAttribute('aria-label', /Contacts support −2/);
});
