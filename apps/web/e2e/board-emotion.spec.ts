import { expect, test } from './fixtures/index.ts';

test('dragging a point of the emotion curve sets the score and the curve follows', async ({
  mapList,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Emotion journey');
  const awareness = await board
    .stageHeaders()
    .filter({ hasText: 'Awareness' })
    .getAttribute('data-stage-id');
  const consideration = await board
    .stageHeaders()
    .filter({ hasText: 'Consideration' })
    .getAttribute('data-stage-id');
  if (!awareness || !consideration) throw new Error('stages have no ids');

  // Two scores make a curve.
  await board.emotionSlider('Consideration').fill('0');
  await board.dragEmotion('Awareness', 52, 52);
  await expect(board.emotionPoint(awareness)).toHaveAttribute('data-score', '0');
  const flat = await board.page.getByTestId('emotion-path').getAttribute('d');

  // Drag Awareness to the top of the chart: +2.
  await board.dragEmotion('Awareness', 52, 2);
  await expect(board.emotionPoint(awareness)).toHaveAttribute('data-score', '2');
  await expect(board.emotionSlider('Awareness')).toHaveValue('2');
  await expect(board.emotionCurve()).toHaveAttribute(
    'aria-label',
    /Awareness \+2, Consideration 0/,
  );
  const raised = await board.page.getByTestId('emotion-path').getAttribute('d');
  expect(raised).not.toBe(flat);
  // The point sits higher than the untouched one.
  const up = Number(await board.emotionPoint(awareness).getAttribute('cy'));
  const level = Number(await board.emotionPoint(consideration).getAttribute('cy'));
  expect(up).toBeLessThan(level);

  // And down to the bottom: −2.
  await board.dragEmotion('Awareness', 2, 103);
  await expect(board.emotionPoint(awareness)).toHaveAttribute('data-score', '-2');
});
