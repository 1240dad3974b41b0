import { apiAs, referChild } from './support/api';
import { expect, expectAccessible, fixture, screenshot, test } from './support/journey';
import { todayInEngland } from '../src/lib/format';
import { presetPeriod } from '../src/features/sufficiency/period';
import { classBreaks, classOf } from '../src/features/sufficiency/classes';

interface Report {
  rows: { localAuthorityCode: string; gap: number; openBeds: number | null }[];
  totals: { referrals: number };
}

test('the commissioner lands on the sufficiency dashboard, changes the period and downloads the figures', async ({ page, signIn }) => {
  const f = fixture();
  // Some history, so the figures are not all nought.
  const officer = await apiAs(f.officer.email);
  const referrals = [
    await referChild(officer, { ageYears: 14, gender: 'female', reference: 'EAL-DASH-1' }),
    await referChild(officer, { ageYears: 12, gender: 'male', reference: 'EAL-DASH-2' }),
  ];
  // Withdrawn at once: they still count as referrals, and leave the shortlists to the other journeys.
  for (const id of referrals) await officer.post(`/referrals/${id}/withdraw`);
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
  await expect(page.getByText(/^Figures for \d{1,2} [A-Z][a-z]+ \d{4} to \d{1,2} [A-Z][a-z]+ \d{4}\./)).toBeVisible();

  const table = page.getByRole('table', { name: 'By local authority, placement type and age band' });
  const totals = table.getByRole('row').last();
  const referralsColumn = await table.getByRole('columnheader').allInnerTexts();
  const cells = await totals.getByRole('cell').allInnerTexts();
  expect(cells[referralsColumn.indexOf('Referrals')]).toBe(String(report.totals.referrals));
  await expect(table.getByRole('cell', { name: 'Ealing' }).first()).toBeVisible();

  // The map: each alliance LA's shading class matches its figure, on the map and in the table beside it.
  const names: Record<string, string> = { E09000009: 'Ealing', E09000005: 'Brent' };
  const gaps = Object.keys(names).map((code) =>
    report.rows.filter((row) => row.localAuthorityCode === code).reduce((total, row) => total + row.gap, 0),
  );
  const breaks = classBreaks(gaps);
  const mapTable = page.getByRole('table', { name: /Local authorities by gap/ });
  for (const [index, name] of Object.values(names).entries()) {
    const row = mapTable.getByRole('row', { name: new RegExp(`^${name}`) });
    const shade = classOf(gaps[index]!, breaks)!;
    await expect(row.getByRole('cell')).toHaveText([String(gaps[index]), `${shade} of 5`]);
    await expect(page.getByRole('img', { name: `${name}: ${gaps[index]}, class ${shade} of 5` })).toBeVisible();
  }
  await page.getByLabel('Shade the map by').selectOption({ label: 'Open beds' });
  await expect(page).toHaveURL(/measure=openBeds/);
  await expect(page.getByRole('table', { name: /Local authorities by open beds/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'commissioner-map');
  // Another period keeps the map's measure.
  await page.getByLabel('Last 12 complete months').check();
  await page.getByRole('button', { name: 'Show this period' }).click();
  await expect(page).toHaveURL(/period=last-12-months/);
  await expect(page).toHaveURL(/measure=openBeds/);
  await page.getByLabel('Year to date').check();
  await page.getByRole('button', { name: 'Show this period' }).click();
  await expect(page).toHaveURL(/period=year-to-date/);
  await page.getByLabel('Shade the map by').selectOption({ label: 'Gap (referrals less placed within the alliance)' });

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

test('the commissioner sorts the provider benchmarks', async ({ page, signIn }) => {
  await signIn(fixture().commissioner.email);
  await page.goto('/sufficiency/providers');
  await expect(page.getByRole('heading', { name: 'Provider benchmarks', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Providers' });
  const provider = table.getByRole('columnheader', { name: 'Provider' });
  await expect(provider).toHaveAttribute('aria-sort', 'ascending');
  const names = async () => (await table.getByRole('row').allInnerTexts()).slice(1).map((row) => row.split('\t')[0]!);
  const ascending = await names();
  expect(ascending.length).toBeGreaterThan(1);
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'en-GB')));
  await provider.getByRole('button').click();
  await expect(provider).toHaveAttribute('aria-sort', 'descending');
  expect(await names()).toEqual([...ascending].reverse());
  await expectAccessible(page);
});
