import { randomUUID } from 'node:crypto';
import { readOfstedProviders } from '../../../libs/reference-data/src/ofsted-providers';
import { queryDatabase } from './support/api';
import { admin, expect, expectAccessible, screenshot, test } from './support/journey';

/** Names no other run uses: the journeys share one api and its data. */
const run = randomUUID().slice(0, 8);

/** A registration on the Ofsted register the product ships that no provider or setting holds yet. */
async function unlinkedOfstedUrn(): Promise<string> {
  const held = await queryDatabase<{ urn: string }>(
    `SELECT ofsted_urn AS urn FROM providers WHERE ofsted_urn IS NOT NULL
     UNION SELECT ofsted_urn FROM settings WHERE ofsted_urn IS NOT NULL`,
    [],
  );
  const taken = new Set(held.map((row) => row.urn));
  const free = readOfstedProviders().find((record) => !taken.has(record.urn.toUpperCase()));
  if (!free) throw new Error('every URN on the register is linked');
  return free.urn.toUpperCase();
}

const membersOf = async (allianceId: string) =>
  (
    await queryDatabase<{ code: string }>(`SELECT local_authority_code AS code FROM alliance_members WHERE alliance_id = $1 ORDER BY 1`, [
      allianceId,
    ])
  ).map((row) => row.code);

test('an admin creates an alliance in the South West, adds and removes a member, and a name in use is refused beside its field', async ({ page, signIn }) => {
  const name = `Peninsula Alliance ${run}`;
  await signIn(admin().email, admin().password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alliances' }).click();
  await expect(page.getByRole('heading', { name: 'Alliances', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'West London Alliance' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Create an alliance' }).click();
  await page.getByLabel('Alliance name').fill(name);
  await page.getByRole('button', { name: 'Create alliance' }).click();
  await expect(page.getByRole('alert').getByText('Choose at least one local authority')).toBeVisible();
  await expectAccessible(page);
  const filter = page.getByLabel('Find a local authority by name');
  await filter.fill('Cornwall');
  await page.getByLabel('Cornwall', { exact: true }).check();
  await filter.fill('Plymouth');
  await page.getByLabel('Plymouth', { exact: true }).check();
  await page.getByRole('button', { name: 'Create alliance' }).click();

  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const members = page.getByRole('table', { name: /member local authorities/ });
  await expect(members).toHaveAccessibleName('2 member local authorities');
  await expect(members.getByRole('row', { name: /Cornwall South West E06000052/ })).toBeVisible();
  const allianceId = page.url().split('/').pop()!;
  expect(await membersOf(allianceId)).toEqual(['E06000026', 'E06000052']);
  await expectAccessible(page);

  // Add Devon.
  await filter.fill('Devon');
  await page.getByLabel('Devon', { exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('The alliance was saved')).toBeVisible();
  await expect(members).toHaveAccessibleName('3 member local authorities');
  expect(await membersOf(allianceId)).toEqual(['E06000026', 'E06000052', 'E10000008']);

  // Remove Plymouth: chosen LAs stay in view whatever the filter says.
  await page.getByLabel('Plymouth', { exact: true }).uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(members).toHaveAccessibleName('2 member local authorities');
  await expect(members.getByRole('row', { name: /Plymouth/ })).toHaveCount(0);
  expect(await membersOf(allianceId)).toEqual(['E06000052', 'E10000008']);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  // A name another alliance has is refused beside the field.
  await page.getByLabel('Alliance name').fill('West London Alliance');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByLabel('Alliance name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Name is already used by another alliance').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Back to alliances' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`${name} 2 Cornwall, Devon`) })).toBeVisible();
  await screenshot(page, 'admin-alliances');
});

test('an admin searches providers, registers one and links its Ofsted URN after a bad one is refused', async ({ page, signIn }) => {
  const name = `Harbour Fostering ${run}`;
  await signIn(admin().email, admin().password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Providers' }).click();
  await expect(page.getByRole('heading', { name: 'Providers', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Search by name or Ofsted URN').fill('oakfield');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/search=oakfield/);
  const found = page.getByRole('table', { name: /matching “oakfield”/ });
  await expect(found.getByRole('link', { name: 'Oakfield Care' })).toBeVisible();
  await expect(found.getByRole('link', { name: 'Birchwood Homes' })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'admin-providers');

  await page.getByRole('link', { name: 'Register a provider' }).click();
  await page.getByRole('button', { name: 'Register provider' }).click();
  await expect(page.getByRole('alert').getByText('Enter the provider’s name')).toBeVisible();
  await page.getByLabel('Provider name').fill(name);
  await page.getByLabel('Private').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Register provider' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByText('The provider was registered')).toBeVisible();
  await expect(page.getByText('It has no settings yet.')).toBeVisible();
  await expectAccessible(page);

  // An URN that is not on Ofsted's register is refused beside its field.
  const urnField = page.getByLabel('Ofsted URN');
  await urnField.fill('SC000000');
  await page.getByRole('button', { name: 'Link Ofsted URN' }).click();
  await expect(urnField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#provider-ofsted-urn-error')).toContainText("is not on Ofsted's register of children's social care providers");
  await expectAccessible(page);

  const urn = await unlinkedOfstedUrn();
  await urnField.fill(urn.toLowerCase());
  await page.getByRole('button', { name: 'Link Ofsted URN' }).click();
  await expect(page.getByText(`Ofsted URN ${urn} is linked to this provider`)).toBeVisible();
  await expect(page.locator('.govuk-summary-list')).toContainText(urn);
  await expectAccessible(page);
  const [stored] = await queryDatabase<{ urn: string }>(`SELECT ofsted_urn AS urn FROM providers WHERE name = $1`, [name]);
  expect(stored.urn).toBe(urn);

  await page.getByRole('link', { name: 'Back to providers' }).click();
  await page.getByLabel('Search by name or Ofsted URN').fill(urn);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`${name} Private ${urn} 0`) })).toBeVisible();
});
