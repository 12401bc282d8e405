import { expect, type Locator, type Page } from '@playwright/test';

export interface CellAddress {
  stage: string;
  lane: string;
}

/** The journey board as a person uses it. */
export class BoardPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.expectLive();
  }

  connectionStatus(): Locator {
    return this.page.getByTestId('connection-status');
  }

  async expectLive(): Promise<void> {
    await expect(this.connectionStatus()).toHaveText('Live');
  }

  cell({ stage, lane }: CellAddress): Locator {
    return this.page
      .getByTestId('cell')
      .and(this.page.getByLabel(`${lane} in ${stage}`, { exact: true }));
  }

  card(text: string): Locator {
    return this.page.getByTestId('card').and(this.page.getByLabel(text, { exact: true }));
  }

  cardIn(text: string, address: CellAddress): Locator {
    return this.cell(address)
      .getByTestId('card')
      .and(this.page.getByLabel(text, { exact: true }));
  }

  stageHeaders(): Locator {
    return this.page.getByTestId('stage-header');
  }

  async addCard(address: CellAddress, text: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `Add card to ${address.lane} in ${address.stage}` })
      .click();
    const editor = this.cell(address).getByRole('textbox').last();
    await editor.fill(text);
    await editor.press('Control+Enter');
    await expect(this.cardIn(text, address)).toBeVisible();
  }

  /** Drags with the mouse in small steps, as dnd-kit's pointer sensor expects. */
  async dragCard(text: string, to: CellAddress): Promise<void> {
    const source = await this.card(text).boundingBox();
    const target = await this.cell(to).boundingBox();
    if (!source || !target) throw new Error('card or cell is not visible');
    const mouse = this.page.mouse;
    await mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await mouse.down();
    await mouse.move(source.x + source.width / 2 + 10, source.y + source.height / 2, { steps: 5 });
    await mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 20 });
    await mouse.up();
    await expect(this.cardIn(text, to)).toBeVisible();
  }
}
