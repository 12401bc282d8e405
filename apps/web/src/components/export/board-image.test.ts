import { describe, expect, it } from 'vitest';
import { isLeftOut } from './board-image.ts';

/** A card as the board draws it while a vote runs (card-votes.tsx), and after its results. */
function card(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
}

describe('the board picture', () => {
  it('leaves out a running vote’s buttons and the exporter’s own votes, keeps revealed counts', () => {
    const running = card(
      '<div class="card-votes"><span class="card-votes__mine"></span><button class="icon-button card-votes__button">+</button></div>',
    );
    expect(isLeftOut(running.querySelector('.card-votes')!)).toBe(true);
    const revealed = card('<span class="card-votes__count">3</span>');
    expect(isLeftOut(revealed.querySelector('.card-votes__count')!)).toBe(false);
    expect(isLeftOut(document.createTextNode('Checkout is slow'))).toBe(false);
  });
});
