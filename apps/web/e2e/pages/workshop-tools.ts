import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens the workshop tools over the board with the header's "Workshop" (they
 * stay open, kept on the device). Only for someone who has workshop tools.
 */
export async function openWorkshopTools(page: Page): Promise<Locator> {
  const toggle = page.getByRole('button', { name: /^Workshop\b/ });
  const tools = page.getByRole('region', { name: 'Workshop', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(tools).toBeVisible();
  return tools;
}

/** A facilitator starts "Everyone rates" on the board's (first) emotion lane, from the tools. */
export async function startEveryoneRates(page: Page): Promise<void> {
  await openWorkshopTools(page);
  await page.getByRole('button', { name: 'Everyone rates' }).click();
  await page
    .getByRole('dialog', { name: 'Everyone rates' })
    .getByRole('button', { name: 'Start rating' })
    .click();
}

/** The workshop tools of a board page (timer; locks), as anyone on the map sees them. */
export class WorkshopTools {
  constructor(readonly page: Page) {}

  timer(): Locator {
    return this.page.getByRole('timer', { name: 'Workshop timer' });
  }

  /** The time shown, `m:ss`. */
  async shownTime(): Promise<string> {
    const text = (await this.timer().textContent()) ?? '';
    const match = /\d+:\d\d(:\d\d)?/.exec(text);
    if (!match) throw new Error(`no time in "${text}"`);
    return match[0];
  }

  async startTimer(minutes: string): Promise<void> {
    await openWorkshopTools(this.page);
    await this.page.getByRole('button', { name: 'Timer', exact: true }).click();
    await this.page.getByLabel('Minutes').fill(minutes);
    await this.page.getByRole('button', { name: 'Start timer' }).click();
    await expect(this.timer()).toBeVisible();
  }

  /**
   * A facilitator locks or lifts the board's structure from the "Locks" menu; the choice
   * closes the menu (left open, it would hang over the stage headers and take the next
   * press on one) and gives the focus back to "Locks".
   */
  async toggleStructureLock(): Promise<void> {
    await openWorkshopTools(this.page);
    await this.page.getByRole('button', { name: 'Locks' }).click();
    await this.page.getByRole('menuitemcheckbox', { name: 'Lock the board structure' }).click();
    await expect(this.page.getByRole('menu', { name: 'Locks' })).toHaveCount(0);
    await expect(this.page.getByRole('button', { name: 'Locks' })).toBeFocused();
  }

  controls(): Locator {
    return this.page.getByRole('button', {
      name: /^(Timer|Pause timer|Resume timer|Add 1 min|Stop timer)$/,
    });
  }
}

/** `m:ss` → seconds. */
export const seconds = (time: string): number => {
  const [minutes = '0', secs = '0'] = time.split(':');
  return Number(minutes) * 60 + Number(secs);
};
