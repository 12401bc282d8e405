import { expect, type Locator, type Page } from '@playwright/test';

/** The board's comment badges and side panel, as a person uses them. */
export class CommentsPanel {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Comments' });
  }

  badgeOn(card: Locator): Locator {
    return card.getByTestId('comment-badge');
  }

  threads(): Locator {
    return this.panel().getByTestId('comment-thread');
  }

  thread(text: string): Locator {
    return this.threads().filter({ hasText: text });
  }

  /** Opens the panel on a card (hover shows its tools) and starts a thread there. */
  async commentOnCard(card: Locator, text: string): Promise<void> {
    await card.hover();
    await card.getByRole('button', { name: 'Comment on card' }).click();
    // The cursor is already in the box: a person just types.
    await expect(this.panel().getByLabel('New comment on this card')).toBeFocused();
    await this.page.keyboard.type(text);
    await this.panel().getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(this.thread(text)).toBeVisible();
  }

  /** Reply puts the cursor in the reply box: a person just types. */
  async reply(thread: Locator, text: string): Promise<void> {
    await thread.getByRole('button', { name: 'Reply' }).click();
    await expect(thread.getByLabel('Reply')).toBeFocused();
    await this.page.keyboard.type(text);
    await thread.getByRole('button', { name: 'Reply' }).click();
    await expect(thread).toContainText(text);
  }

  /** The suggestions an "@" opens under the comment box. */
  mentionSuggestions(): Locator {
    return this.panel().getByRole('listbox', { name: 'People to mention' });
  }

  async setFilter(filter: 'Open' | 'Resolved' | 'All'): Promise<void> {
    await this.panel().getByRole('button', { name: filter, exact: true }).click();
  }
}
