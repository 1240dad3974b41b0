import { expect, fixture, test } from './support/journey';

/** Moves the session's expiry in this tab's storage, then reloads, as if the token were older. */
async function expireIn(page: import('@playwright/test').Page, ms: number) {
  await page.evaluate((ms) => {
    const session = JSON.parse(sessionStorage.getItem('placements.session')!);
    session.expiresAt = Date.now() + ms;
    sessionStorage.setItem('placements.session', JSON.stringify(session));
  }, ms);
  await page.reload();
}

test('the officer is warned before the session ends, signs in again over the page and loses nothing typed', async ({
  page,
  signIn,
}) => {
  const f = fixture();
  await signIn(f.officer.email);
  await page.goto('/referrals/new');
  await page.getByLabel('Your case reference for the child').fill('EAL-WEB-HALF');
  await page.getByLabel('Home postcode').fill('UB1 1AA');

  await expireIn(page, 4 * 60_000);
  await expect(page.getByRole('region', { name: 'Your session is ending' })).toContainText(/signed out in [34]:\d\d/);

  await expireIn(page, 1_500);
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Email address')).toHaveValue(f.officer.email);
  await dialog.getByLabel('Password').fill(f.password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel('Your case reference for the child')).toHaveValue('EAL-WEB-HALF');
  await expect(page.getByLabel('Home postcode')).toHaveValue('UB1 1AA');
});

test('a token the api refuses ends the session and forgets what was cached', async ({ page, signIn }) => {
  const f = fixture();
  await signIn(f.officer.email);
  await page.goto('/referrals');
  await expect(page.getByRole('heading', { name: 'Referrals' })).toBeVisible();
  await page.evaluate(() => {
    const session = JSON.parse(sessionStorage.getItem('placements.session')!);
    session.token = 'not-a-token';
    sessionStorage.setItem('placements.session', JSON.stringify(session));
  });
  await page.reload();
  await expect(page.getByRole('dialog', { name: 'Your session has ended' })).toBeVisible();
  // Nothing of the token stays in the tab.
  expect(await page.evaluate(() => sessionStorage.getItem('placements.session'))).toBeNull();
});
