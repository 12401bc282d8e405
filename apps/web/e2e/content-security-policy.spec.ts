import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/index.ts';

/**
 * Every `securitypolicyviolation` a page reports, and console errors about
 * the Content-Security-Policy, from the very first script on.
 */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void })
        .__reportCspViolation;
      report(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}

test('no page breaks the Content-Security-Policy: sign-in, map list, board', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  const violations = await recordViolations(page);
  await page.goto('/');
  const board = await mapList.createMap('CSP check');
  await board.addCard({ stage: 'Awareness', lane: 'Touchpoints' }, 'Parsed by zod');
  await page.reload();
  await expect(page.getByRole('listitem', { name: 'Parsed by zod' })).toBeVisible();

  const anonymous = await openSecondBrowser({ signedIn: false });
  const anonymousViolations = await recordViolations(anonymous);
  await anonymous.goto('/');
  await expect(anonymous).toHaveURL(/\/signin/);
  await expect(anonymous.getByRole('link', { name: 'Create an account' })).toBeVisible();

  expect(violations).toEqual([]);
  expect(anonymousViolations).toEqual([]);
});
