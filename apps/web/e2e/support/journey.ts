import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test as base } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Fixture } from './fixture';

export const fixture = (): Fixture => JSON.parse(process.env.WEB_FIXTURE ?? 'null') as Fixture;

/** Where the journeys save the main screens; the README shows them. */
export const SCREENSHOTS = resolve(__dirname, '../../../../docs/screenshots');

/** The stack's own admin, made at start-up from ADMIN_EMAIL and ADMIN_PASSWORD. */
export const admin = (): { email: string; password: string } => {
  const stack = JSON.parse(process.env.WEB_STACK ?? '{}') as { adminEmail: string; adminPassword: string };
  return { email: stack.adminEmail, password: stack.adminPassword };
};

export const test = base.extend<{ signIn: (email: string, password?: string) => Promise<void> }>({
  signIn: async ({ page }, use) => {
    await use(async (email: string, password = fixture().password) => {
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    });
  },
});
export { expect };

/** axe on the page as it is now: no serious or critical violation of WCAG 2.2 A and AA. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/** A full-page screenshot for the README, taken once the page has settled. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}
