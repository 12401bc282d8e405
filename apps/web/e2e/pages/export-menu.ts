import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** The board's Export menu and what it downloads. */
export class ExportMenu {
  constructor(
    readonly page: Page,
    /** `Export` on the board; `Export map <Title>` on the map list. */
    readonly label = 'Export',
  ) {}

  button(): Locator {
    return this.page.getByRole('button', { name: this.label, exact: true });
  }

  /** Picks `item` from the menu and returns the downloaded file's name and bytes. */
  async download(item: string): Promise<{ name: string; bytes: Buffer }> {
    await expect(this.button()).toBeEnabled();
    await this.button().click();
    const downloaded = this.page.waitForEvent('download');
    await this.page.getByRole('menuitem', { name: item, exact: true }).click();
    const download = await downloaded;
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }
}

/**
 * The board as a person sees it: stage titles, lane titles, each cell's
 * cards (their text and chips) and the emotion curve's description.
 */
export async function visibleBoard(page: Page) {
  const stages = await page
    .getByTestId('stage-header')
    .evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-stage-id') ?? ''),
    );
  const stageTitles = await page
    .getByTestId('stage-header')
    .evaluateAll((elements) =>
      elements.map((element) => (element as HTMLElement).innerText.trim()),
    );
  const cells = await page.getByTestId('cell').evaluateAll((elements) =>
    elements.map((cell) => ({
      cell: cell.getAttribute('aria-label'),
      cards: Array.from(cell.querySelectorAll('[data-testid="card"]'), (card) =>
        (card as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      ),
    })),
  );
  const curve = await page.getByTestId('emotion-curve').getAttribute('aria-label');
  return { stageCount: stages.length, stageTitles, cells, curve };
}
