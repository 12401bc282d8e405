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

  /** The map's event stream (comments, timer, votes, locks) has said `ready`. */
  async expectEventsLive(): Promise<void> {
    await expect(this.connectionStatus()).toHaveAttribute('data-events', 'live');
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

  /** Moves the pointer over the board, as a person does: others see this cursor. */
  async pointAtBoard(): Promise<void> {
    const box = (await this.page.getByRole('region', { name: 'Journey board' }).boundingBox())!;
    // The board scrolls inside its frame: a board scrolled right starts left of the page.
    const left = Math.max(box.x, 0);
    await this.page.mouse.move(left + 200, box.y + 150);
    await this.page.mouse.move(left + 240, box.y + 180, { steps: 5 });
  }

  /** Someone else's cursor on this board. */
  cursorOf(name: string): Locator {
    return this.page.getByTestId('presence-cursor').and(this.page.locator(`[data-name="${name}"]`));
  }

  stageHeaders(): Locator {
    return this.page.getByTestId('stage-header');
  }

  async addCard(address: CellAddress, text: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `Add card to ${address.lane} in ${address.stage}` })
      .click();
    const editor = this.cell(address).getByRole('textbox', { name: 'Card text' });
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

  /**
   * Presses on a stage's header and drags it onto another stage's header with
   * the mouse (dnd-kit's pointer sensor), without asserting where it lands.
   */
  async dragStage(title: string, ontoTitle: string): Promise<void> {
    const source = await this.stageHeaders().filter({ hasText: title }).boundingBox();
    const target = await this.stageHeaders().filter({ hasText: ontoTitle }).boundingBox();
    if (!source || !target) throw new Error('stage header is not visible');
    const mouse = this.page.mouse;
    await mouse.move(source.x + source.width / 2, source.y + 8);
    await mouse.down();
    await mouse.move(source.x + source.width / 2 + 10, source.y + 8, { steps: 5 });
    await mouse.move(target.x + target.width * 0.75, target.y + 8, { steps: 20 });
    await mouse.up();
  }

  /** A card type in the palette above the board ("Pain point", "Note", …). */
  paletteItem(label: string): Locator {
    return this.page.getByTestId('palette-item').and(this.page.getByLabel(`${label} card`));
  }

  /** Drags a card type from the palette onto a cell, which opens the new card's editor. */
  async dragFromPalette(label: string, to: CellAddress): Promise<void> {
    const source = await this.paletteItem(label).boundingBox();
    const target = await this.cell(to).boundingBox();
    if (!source || !target) throw new Error('palette item or cell is not visible');
    const mouse = this.page.mouse;
    await mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await mouse.down();
    await mouse.move(source.x + source.width / 2 + 10, source.y + source.height / 2, { steps: 5 });
    await mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 20 });
    await mouse.up();
  }

  /** Creates a read-only link in the share dialog, copies it and returns its URL (the dialog stays open). */
  createShareLink(): Promise<string> {
    return this.createLink('Create read-only link', 'New read-only link');
  }

  /**
   * Creates a workshop link in the share dialog, copies it and returns its URL (the dialog stays
   * open). The dialog locks the board's structure for participants unless told otherwise:
   * `{ structureLocked: false }` for a scenario that locks and unlocks things itself.
   */
  async createWorkshopLink({ structureLocked = true } = {}): Promise<string> {
    if (!structureLocked) {
      await this.openShareDialog();
      await this.page
        .getByRole('checkbox', {
          name: /^Participants keep the map’s name, stages and lanes as they are/,
        })
        .uncheck();
    }
    return this.createLink('Create workshop link', 'New workshop link');
  }

  /** Opens the share dialog unless it is open, creates a link and copies it from its field. */
  private async openShareDialog(): Promise<Locator> {
    const dialog = this.page.getByRole('dialog', { name: 'Share this map' });
    if (!(await dialog.isVisible())) {
      await this.page.getByRole('button', { name: 'Share', exact: true }).click();
    }
    return dialog;
  }

  private async createLink(create: string, field: string): Promise<string> {
    const dialog = await this.openShareDialog();
    await dialog.getByRole('button', { name: create }).click();
    // The newest, under the links made before it in this dialog ("New read-only link 2").
    const url = dialog.getByLabel(field).last();
    // Copied, as people do: closing the dialog asks first about a link nobody copied.
    await url.selectText();
    await url.press('ControlOrMeta+c');
    return url.inputValue();
  }

  /** Opens a card's editor, presses the field buttons named (`Severity high`, …) and closes it. */
  async setCardFields(text: string, buttons: readonly string[]): Promise<void> {
    await this.card(text).getByRole('button', { name: text, exact: true }).click();
    for (const name of buttons) await this.card(text).getByRole('button', { name }).click();
    await this.cardEditor().press('Control+Enter');
  }

  /** Tints a card through its "Card actions" menu (`Red`, `Blue`, …). */
  async setCardColour(text: string, colour: string): Promise<void> {
    await this.card(text).hover();
    await this.card(text).getByRole('button', { name: 'Card actions' }).click();
    await this.page.getByRole('menuitemradio', { name: `Colour: ${colour}` }).click();
  }

  /** The open card editor's text field. */
  cardEditor(): Locator {
    return this.page.getByRole('textbox', { name: 'Card text' });
  }

  /** Picks a card up by its "Move card" handle, presses the arrow keys, drops it — keyboard only. */
  async moveCardByKeyboard(text: string, keys: readonly string[]): Promise<void> {
    // The handle appears once the card has focus (or the pointer).
    await this.card(text).getByRole('button', { name: text, exact: true }).focus();
    const handle = this.card(text).getByRole('button', { name: 'Move card' });
    await handle.focus();
    await this.page.keyboard.press('Space');
    // dnd-kit listens for the arrow keys only once the pickup has rendered…
    await expect(handle).toHaveAttribute('aria-pressed', 'true');
    // …and moves by them only once it has measured the cells, which it announces as "over" a
    // place. Each key is a step a person waits to hear before the next: pressed blind, an arrow
    // can be lost and the drop land where the card was (CI saw it, as with stages).
    const said = this.page.getByRole('status').filter({ hasText: /^(Picked up|Card) / });
    await expect(said).toContainText(', over ');
    for (const key of keys) {
      const before = (await said.textContent()) ?? '';
      await this.page.keyboard.press(key);
      await expect(said).not.toHaveText(before);
    }
    await this.page.keyboard.press('Space');
  }

  undoButton(): Locator {
    return this.page.getByRole('button', { name: 'Undo', exact: true });
  }

  emotionCurve(): Locator {
    return this.page.getByTestId('emotion-curve');
  }

  emotionSlider(stage: string): Locator {
    return this.page.getByRole('slider', { name: `Emotion in ${stage}` });
  }

  /** The curve's point for a stage (absent while the stage has no score). */
  emotionPoint(stageId: string): Locator {
    return this.page.locator(`[data-testid="emotion-point"][data-stage-id="${stageId}"]`);
  }

  /** Presses in a stage's column of the emotion chart and drags vertically to `toY` (px from the chart's top). */
  async dragEmotion(stage: string, fromY: number, toY: number): Promise<void> {
    const header = await this.stageHeaders().filter({ hasText: stage }).boundingBox();
    const chart = await this.emotionCurve().boundingBox();
    if (!header || !chart) throw new Error('stage or emotion chart is not visible');
    const x = header.x + header.width / 2;
    await this.page.mouse.move(x, chart.y + fromY);
    await this.page.mouse.down();
    await this.page.mouse.move(x, chart.y + toY, { steps: 8 });
    await this.page.mouse.up();
  }
}
