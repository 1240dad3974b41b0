import { defineConfig, devices } from '@playwright/test';

/**
 * Browser journeys against the built app, served by the real api with a real worker, Postgres and
 * Redis (e2e/global-setup.ts starts them on a database of their own). Chromium is Debian's: the
 * run never downloads a browser (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 in .ci/run and the scripts).
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.pw.ts',
  // One worker: the journeys share one api and its data, and the machine has two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: '../../dist/playwright-report', open: 'never' }]],
  outputDir: '../../dist/playwright-results',
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: process.env.WEB_BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 900 },
        launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
      },
    },
  ],
});
