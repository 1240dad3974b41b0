import { apiAs, referChild } from './support/api';
import { expect, expectAccessible, fixture, screenshot, test } from './support/journey';
import { todayInEngland } from '../src/lib/format';
import { presetPeriod } from '../src/features/sufficiency/period';

interface Report {
  totals: { referrals: number };
}

test('the commissioner lands on the sufficiency dashboard, changes the period and downloads the figures', async ({ page, signIn }) => {
  const f = fixture();
  // Some history, so the figures are not all nought.
  const officer = await apiAs(f.officer.email);
  await referChild(officer, { ageYears: 14, gender: 'female', reference: 'EAL-DASH-1' });
  await referChild(officer, { ageYears: 12, gender: 'male', reference: 'EAL-DASH-2' });
  const commissioner = await apiAs(f.commissioner.email);

  await signIn(f.commissioner.email);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sufficiency/);
  await expect(page.getByRole('heading', { name: 'Sufficiency', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sufficiency' })).toHaveAttribute('aria-current', 'page');

  await page.getByLabel('Year to date').check();
  await page.getByRole('button', { name: 'Show this period' }).click();
  await expect(page).toHaveURL(/period=year-to-date/);
  const period = presetPeriod('year-to-date', todayInEngland());
  const report = await commissioner.get<Report>(`/sufficiency?allianceId=${f.allianceId}&from=${period.from}&to=${period.to}`);
  expect(report.totals.referrals).toBeGreaterThanOrEqual(2);

  const table = page.getByRole('table', { name: 'By local authority, placement type and age band' });
  const totals = table.getByRole('row').last();
  const referralsColumn = await table.getByRole('columnheader').allInnerTexts();
  const cells = await totals.getByRole('cell').allInnerTexts();
  expect(cells[referralsColumn.indexOf('Referrals')]).toBe(String(report.totals.referrals));
  await expect(table.getByRole('cell', { name: 'Ealing' }).first()).toBeVisible();

  // Sorting by a column header says so to assistive technology.
  const gapHeader = table.getByRole('columnheader', { name: 'Gap' });
  await gapHeader.getByRole('button').click();
  await expect(gapHeader).toHaveAttribute('aria-sort', 'ascending');
  await gapHeader.getByRole('button').click();
  await expect(gapHeader).toHaveAttribute('aria-sort', 'descending');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV of figures by placement type' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`sufficiency-${period.from}-to-${period.to}.csv`);
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile((await file.path())!, 'utf8');
  expect(csv.split(/\r?\n/)[0]).toMatch(/^"?localAuthorityCode"?,"?placementType"?,"?ageBand"?/);

  await expectAccessible(page);
  await screenshot(page, 'commissioner-dashboard');
});
