import { apiAs } from './support/api';
import { expect, expectAccessible, fixture, test } from './support/journey';

test("the provider's other pages pass axe, and a home's details are changed in place", async ({ page, signIn }) => {
  const birchwood = fixture().providers[1];
  const lodge = fixture().settings.find((setting) => setting.name === 'Birchwood Lodge')!;
  await signIn(birchwood.email);

  for (const [path, heading] of [
    ['/offers', 'Our offers'],
    ['/offers?status=accepted&page=2', 'Our offers'],
    ['/provider-placements', 'Placements'],
    ['/provider-placements?state=ended', 'Placements'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    // Loaded, or said in words that it could not be: never a blank page.
    await expect(page.getByText(/Loading/)).toHaveCount(0);
    await expectAccessible(page);
  }

  await page.goto(`/settings/${lodge.id}`);
  await page.getByRole('link', { name: "Change the home's details" }).click();
  await expect(page.getByRole('heading', { name: "Change the home's details" })).toBeVisible();
  await expect(page.getByLabel('Name of the home')).toHaveValue('Birchwood Lodge');
  await expect(page.getByLabel('Fire-setting')).toHaveValue('excluded');
  await expectAccessible(page);
  await page.getByLabel('Registered places').fill('5');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Home details saved' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'About this home' })).toContainText(/Registered places\s*5/);
  const stored = await (await apiAs(birchwood.email)).get<{ registeredPlaces: number; needsExcluded: string[] }>(
    `/settings/${lodge.id}`,
  );
  expect(stored).toMatchObject({ registeredPlaces: 5, needsExcluded: ['fire-setting'] });
});
