import { apiAs, queryDatabase, referChild } from './support/api';
import { expect, expectAccessible, fixture, screenshot, test } from './support/journey';

test('the commissioner publishes the market position, and a provider reads it with small numbers as "fewer than 5"', async ({
  page,
  signIn,
  browser,
}) => {
  const f = fixture();
  const officer = await apiAs(f.officer.email);
  // Three referrals last month, so the period's figures are not all empty.
  const ids = [];
  for (const reference of ['WEB-MARKET-1', 'WEB-MARKET-2', 'WEB-MARKET-3']) {
    ids.push(await referChild(officer, { ageYears: 10, gender: 'male', reference }));
  }
  await queryDatabase(`UPDATE referrals SET created_at = date_trunc('month', now()) - interval '10 days' WHERE id = ANY($1::uuid[])`, [ids]);

  await signIn(f.commissioner.email);
  await page.goto('/market');
  await expect(page.getByText('No market position has been published for this alliance yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Publish the market position now' }).click();
  await expect(page.getByRole('status')).toContainText('Published');
  await expect(page.getByRole('heading', { name: 'West London Alliance' })).toBeVisible();
  const demand = page.getByRole('table', { name: /Referrals, placed, not placed within the alliance and open beds/ });
  await expect(demand.getByRole('row', { name: /Children's home 5-10 fewer than 5/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'commissioner-market');

  const providerContext = await browser.newContext({ baseURL: f.baseUrl });
  const provider = await providerContext.newPage();
  await provider.goto('/sign-in');
  await provider.getByLabel('Email address').fill(f.providers[1].email);
  await provider.getByLabel('Password').fill(f.password);
  await provider.getByRole('button', { name: 'Sign in' }).click();
  await provider.getByRole('link', { name: 'Market position' }).click();
  await provider.getByRole('link', { name: 'West London Alliance' }).click();
  await expect(provider.getByRole('heading', { name: 'West London Alliance' })).toBeVisible();
  await expect(provider.getByRole('button', { name: 'Publish the market position now' })).toHaveCount(0);
  // No count from 1 to 4 anywhere a provider reads one.
  for (const table of await provider.getByRole('table').all()) {
    for (const cell of await table.getByRole('cell').allInnerTexts()) expect(cell.trim()).not.toMatch(/^[1-4]$/);
  }
  await expect(provider.getByRole('table', { name: /Referrals, placed/ })).toContainText('fewer than 5');
  await expectAccessible(provider);
  await screenshot(provider, 'provider-market');
  await providerContext.close();
});
