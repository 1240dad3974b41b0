import { expect, expectAccessible, fixture, test } from './support/journey';

test('a wrong password is refused beside the field, and the right one signs in', async ({ page }) => {
  await page.goto('/referrals');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Email address').fill(fixture().officer.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the email address and password');
  await expectAccessible(page);
  await page.getByLabel('Password').fill(fixture().password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/referrals$/);
  // The token is in this tab's sessionStorage only, never localStorage.
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
});

test('a deep link loads the app, and an unknown api path is still the JSON 404', async ({ page, request }) => {
  await page.goto('/referrals/00000000-0000-4000-8000-000000000000');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  const api = await request.get('/api/v1/no-such-thing');
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ statusCode: 404 });
  const health = await request.get('/health');
  expect(health.status()).toBe(200);
});
