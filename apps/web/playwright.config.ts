import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests drive the real server (started by the `server` fixture on
 * a fresh database) in Chromium. This machine cannot download Playwright's
 * browsers, so the system Chromium is used whenever it is installed.
 */
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  // Two workers, each with its own server and database (the `server` fixture is
  // per worker): 5.5 min instead of 8 on two cores, and the same results in
  // repeated full runs. Every test makes its own account and maps, so tests of
  // one file may run on either worker: no worker waits at the end while the
  // other finishes a long file.
  workers: 2,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    // No traces: recording one (a screencast and a DOM snapshot per action)
    // took a third of the suite's CPU on two cores. A failure still leaves its
    // screenshot and error context; `--trace on` records one test's trace.
    trace: 'off',
    // No service worker but where a test is about it (offline.spec.ts): installing one makes
    // every new browser fetch and store the whole app shell (~2.5 MB), for nothing.
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
