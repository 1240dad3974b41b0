import { expect, expectAccessible, test } from './support/journey';

test('an admin opens the queue dashboard in the browser; nobody else can', async ({ page, request }) => {
  const stack = JSON.parse(process.env.WEB_STACK ?? '{}') as { adminEmail: string; adminPassword: string };
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(stack.adminEmail);
  await page.getByLabel('Password').fill(stack.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Queues' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Open the queue dashboard' }).click();
  await expect(page).toHaveURL(/\/admin\/queues/);
  await expect(page.getByText('Placement queues').first()).toBeVisible();
  await expect(page.getByText('matching', { exact: true }).first()).toBeVisible();
  // The cookie is http-only: no script in the page can read it.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  // Without it, the dashboard is closed.
  expect((await request.get('/admin/queues')).status()).toBe(401);
});
