import { addDays, todayInEngland } from '../src/lib/format';
import { apiAs, queryDatabase } from './support/api';
import { expect, expectAccessible, fixture, screenshot, test } from './support/journey';

interface Vacancy {
  id: string;
  settingId: string;
  version: number;
  beds: number;
  weeklyCost: number;
}

const cedar = () => fixture().providers[2];
const cedarHome = () => fixture().settings.find((setting) => setting.name === 'Cedar Grove')!;

test('a vacancy changed by someone else meanwhile shows both versions, and the change is applied to the new one', async ({
  page,
  signIn,
}) => {
  const provider = await apiAs(cedar().email);
  // A vacancy of its own, available too late for any journey's referral, so nothing else moves it.
  const vacancy = await provider.ok<Vacancy>('POST', '/vacancies', {
    settingId: cedarHome().id,
    beds: 2,
    availableFrom: addDays(todayInEngland(), 200),
    weeklyCost: 4_100,
  });

  await signIn(cedar().email);
  await page.getByRole('link', { name: 'Homes and vacancies' }).click();
  await expect(page.getByRole('heading', { name: 'Homes and vacancies' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Cedar Grove' }).click();
  await expect(page.getByRole('heading', { name: 'Vacancy board' })).toBeVisible();
  await expect(page.getByRole('row', { name: /£4,100 a week/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'provider-vacancy-board');

  await page.getByRole('row', { name: /£4,100 a week/ }).getByRole('link', { name: /Change/ }).click();
  await expect(page.getByRole('heading', { name: /Change this vacancy/ })).toBeVisible();
  await page.getByLabel('Weekly cost').fill('4350');

  // Meanwhile another member of staff takes a bed off, against the version the page read.
  const theirs = await provider.send<Vacancy>('PATCH', `/vacancies/${vacancy.id}`, { beds: 1 }, { 'If-Match': `"${vacancy.version}"` });
  expect(theirs.status).toBe(200);

  await page.getByRole('button', { name: 'Save changes' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Someone else changed this vacancy while you were editing it' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('row', { name: /Weekly cost/ })).toContainText('£4,350 a week');
  await expect(conflict.getByRole('row', { name: /Beds/ })).toContainText(/2\s*Not changed\s*1/);
  await expectAccessible(page);
  await screenshot(page, 'provider-vacancy-conflict');

  await page.getByRole('button', { name: 'Save my changes to the updated vacancy' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Vacancy saved' })).toBeVisible();
  await expect(page.getByRole('row', { name: /£4,350 a week/ }).getByRole('cell', { name: '1', exact: true })).toBeVisible();
  const stored = await provider.get<Vacancy>(`/vacancies/${vacancy.id}`);
  expect(stored).toMatchObject({ beds: 1, weeklyCost: 4_350, version: vacancy.version + 2 });
});

test('a home with problems is refused beside each field and in the summary, and nothing is stored', async ({ page, signIn }) => {
  const provider = await apiAs(cedar().email);
  const before = await provider.get<unknown[]>('/settings');
  await signIn(cedar().email);
  await page.goto('/settings/new');
  await expect(page.getByRole('heading', { name: 'Add a home' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Add home' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Enter the name of the home');
  await expect(summary).toContainText('Select the placement type');
  await expect(page.getByRole('textbox', { name: 'Name of the home' })).toHaveAccessibleDescription(/Enter the name of the home/);

  // Ages the wrong way round and a postcode in no district: only the api knows the districts.
  await page.getByLabel('Name of the home').fill('Cedar Lodge');
  await page.getByRole('radio', { name: "Children's home", exact: true }).check();
  await page.getByRole('radio', { name: 'Good' }).check();
  await page.getByLabel('Postcode').fill('ZZ99 9ZZ');
  await page.getByLabel('Registered places').fill('3');
  await page.getByLabel('Youngest age').fill('15');
  await page.getByLabel('Oldest age').fill('11');
  await page.getByRole('checkbox', { name: 'Female' }).check();
  await page.getByLabel('Self-harm').selectOption({ label: 'Supported: level 2 (moderate)' });
  await page.getByRole('button', { name: 'Add home' }).click();

  await expect(summary).toContainText('Youngest age must not be above the oldest age');
  await expect(summary).toContainText(/Postcode is (not a UK postcode|in an unknown postcode district)/);
  await expect(page.getByRole('textbox', { name: 'Youngest age' })).toHaveAccessibleDescription(/must not be above the oldest age/);
  await expect(page.getByRole('textbox', { name: 'Postcode' })).toHaveAccessibleDescription(/Postcode is/);
  await summary.getByRole('link', { name: /Postcode is/ }).click();
  await expect(page.getByRole('textbox', { name: 'Postcode' })).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, 'provider-setting-errors');
  expect(await provider.get<unknown[]>('/settings')).toHaveLength(before.length);

  // Put right, it is added with every field as entered.
  await page.getByLabel('Postcode').fill('UB8 1QE');
  await page.getByLabel('Youngest age').fill('11');
  await page.getByLabel('Oldest age').fill('15');
  await page.getByRole('button', { name: 'Add home' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Home added' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cedar Lodge' })).toBeVisible();
  const after = await provider.get<{ name: string; ageMin: number; ageMax: number; needsSupported: unknown[] }[]>('/settings');
  expect(after.find((setting) => setting.name === 'Cedar Lodge')).toMatchObject({
    ageMin: 11,
    ageMax: 15,
    needsSupported: [{ code: 'self-harm', level: 2 }],
  });

  // A first vacancy for it, then withdrawn after a confirmation.
  await page.getByRole('button', { name: 'Add a vacancy' }).click();
  await expect(page.getByRole('heading', { name: 'Add a vacancy' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Beds').fill('2');
  await page.getByLabel('Weekly cost').fill('4200');
  await page.getByRole('button', { name: 'Add vacancy' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Vacancy added' })).toBeVisible();
  await page.getByRole('row', { name: /£4,200 a week/ }).getByRole('link', { name: /Change/ }).click();
  await page.getByRole('link', { name: 'Withdraw this vacancy' }).click();
  await expect(page.getByRole('heading', { name: 'Are you sure you want to withdraw this vacancy?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Withdraw vacancy' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Vacancy withdrawn' })).toBeVisible();
  await expect(page.getByText('1 withdrawn vacancy is not shown.')).toBeVisible();
});

test('a vacancy not confirmed for a week is flagged on the board, and "Still available" confirms it', async ({ page, signIn }) => {
  const provider = await apiAs(cedar().email);
  const vacancy = await provider.ok<Vacancy>('POST', '/vacancies', {
    settingId: cedarHome().id,
    beds: 1,
    availableFrom: addDays(todayInEngland(), 210),
    weeklyCost: 4_175,
  });
  await queryDatabase(`UPDATE vacancies SET confirmed_at = now() - interval '9 days' WHERE id = $1`, [vacancy.id]);

  await signIn(cedar().email);
  await page.getByRole('link', { name: 'Homes and vacancies' }).click();
  await page.getByRole('link', { name: 'Cedar Grove' }).click();
  const row = page.getByRole('row', { name: /£4,175 a week/ });
  await expect(row.getByText('Not confirmed for 9 days')).toBeVisible();
  await expectAccessible(page);
  await row.getByRole('button', { name: /Still available/ }).click();
  await expect(row.getByText(/Not confirmed for/)).toHaveCount(0);
  expect(await provider.get<Vacancy & { stale: boolean }>(`/vacancies/${vacancy.id}`)).toMatchObject({ stale: false, version: vacancy.version });
});
