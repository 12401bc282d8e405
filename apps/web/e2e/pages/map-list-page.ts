import { expect, type Locator, type Page } from '@playwright/test';
import { BoardPage } from './board-page.ts';

/** The list of journey maps on the home page. */
export class MapListPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  mapLink(title: string): Locator {
    return this.page.getByRole('link', { name: title, exact: true });
  }

  /** Creates a map (from a template, by its name in the list, if given) and opens its board. */
  async createMap(title: string, template?: string): Promise<BoardPage> {
    await this.page.getByLabel('Title', { exact: true }).fill(title);
    if (template) await this.page.getByLabel('Template').selectOption({ label: template });
    await this.page.getByRole('button', { name: 'Create map' }).click();
    await expect(this.page).toHaveURL(/\/maps\/[0-9a-f-]{36}$/);
    const board = new BoardPage(this.page);
    await board.expectLive();
    return board;
  }
}
