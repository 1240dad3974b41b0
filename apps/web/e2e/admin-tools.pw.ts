import { readFileSync } from 'node:fs';
import { apiAs, referChild } from './support/api';
import { admin, expect, expectAccessible, fixture, screenshot, test } from './support/journey';

test('an admin searches the audit trail, downloads it as CSV, and a bad id is refused beside its field', async ({ page, signIn }) => {
  const officer = await apiAs(fixture().officer.email);
  const referralId = await referChild(officer, { ageYears: 11, gender: 'other', reference: 'WEB-AUDIT-1' });
  await officer.get(`/referrals/${referralId}`); // one identifiable read, audited

  await signIn(admin().email, admin().password);
  await page.getByRole('link', { name: 'Audit trail' }).click();
  await page.getByLabel('User id').fill('someone');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByLabel('User id')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('must be a user id (a UUID)')).toBeVisible();
  await page.getByLabel('User id').fill('');
  await page.getByLabel('Referral id').fill(referralId);
  await page.getByRole('button', { name: 'Search' }).click();
  const table = page.getByRole('table', { name: 'Audit entries, oldest first' });
  await expect(table.getByRole('row', { name: /Placement officer, E09000009.*Read the child's record \(referral\)/ }).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'admin-audit');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('audit.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('id,occurredAt,userId,role,organisation,action,entityType,entityId,referralId,requestId');
  expect(csv).toContain(referralId);
});

test('an admin opens the queue dashboard in the browser; nobody else can', async ({ page, request, signIn }) => {
  await signIn(admin().email, admin().password);
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
