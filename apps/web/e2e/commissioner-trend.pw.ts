import { readFile } from 'node:fs/promises';
import { apiAs, referChild } from './support/api';
import { expect, expectAccessible, fixture, screenshot, test } from './support/journey';
import { addDays, todayInEngland } from '../src/lib/format';
import { historyPeriod, monthWords } from '../src/features/sufficiency/trend';
import { presetPeriod } from '../src/features/sufficiency/period';

interface Trend {
  months: { month: string; referrals: number; placed: number }[];
}
interface ReservedBeds {
  items: { vacancyId: string; settingName: string; nightsEmpty: number }[];
  totals: { nightsEmpty: number };
}

test('the commissioner reads the trend by placement type, the overdue step-downs and the nights reserved beds stood empty', async ({ page, signIn }) => {
  const f = fixture();
  const commissioner = await apiAs(f.commissioner.email);
  // A referral for a children's home this month, withdrawn at once: it still counts as demand.
  const officer = await apiAs(f.officer.email);
  const referral = await referChild(officer, { ageYears: 17, gender: 'female', reference: 'EAL-TREND-1' });
  await officer.post(`/referrals/${referral}/withdraw`);
  const provider = await apiAs(f.providers[0]!.email);
  const setting = f.settings.find((one) => one.providerName === f.providers[0]!.name)!;
  const today = todayInEngland();
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const tenDaysAgo = addDays(today, -10);
  // A remand bed in the alliance: no journey's child is on remand, so it is shortlisted for none of them.
  const reserved = await provider.post<{ id: string }>('/vacancies', {
    settingId: setting.id,
    beds: 1,
    availableFrom: tenDaysAgo > yearStart ? tenDaysAgo : yearStart,
    weeklyCost: 6_300,
    reservedFor: { legalStatuses: ['J1'] },
  });
  try {
    await signIn(f.commissioner.email);

    // Trend and forecast, from the menu.
    await page.getByRole('link', { name: 'Trend and forecast', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Trend and forecast', level: 1 })).toBeVisible();
    await page.getByLabel('Placement type', { exact: true }).selectOption({ label: "Children's home" });
    await expect(page).toHaveURL(/placementType=K2/);
    const period = historyPeriod(today);
    const trend = await commissioner.get<Trend>(`/sufficiency/trend?allianceId=${f.allianceId}&from=${period.from}&to=${period.to}&placementType=K2`);
    const thisMonth = trend.months.at(-1)!;
    expect(thisMonth.referrals).toBeGreaterThan(0);
    const history = page.getByRole('table', { name: 'History by month' });
    const row = history.getByRole('row', { name: new RegExp(`^${monthWords(thisMonth.month)}`) });
    await expect(row.getByRole('cell').first()).toHaveText(String(thisMonth.referrals));
    await expect(row.getByRole('cell').nth(1)).toHaveText(String(thisMonth.placed));
    // The chart is an SVG image with its name, inside a figure with its caption; a forecast or words saying why there is none.
    const figure = page.getByRole('figure', { name: /Referrals, placed and open beds by month/ });
    const chart = figure.getByRole('img', { name: /Chart of referrals, placed and open beds each month for children's home/ });
    await expect(chart).toBeVisible();
    expect(await chart.evaluate((element) => element.tagName.toLowerCase())).toBe('svg');
    await expect(page.getByText(/There is no forecast|The forecast rests on/)).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'commissioner-trend');

    // Step-downs overdue.
    await page.getByRole('link', { name: 'Step-downs', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Step-downs overdue', level: 1 })).toBeVisible();
    await expect(page.getByText(/No step-down is overdue|overdue/).first()).toBeVisible();
    await expectAccessible(page);

    // Reserved beds for the year so far: the remand bed's empty nights as the api counts them.
    await page.getByRole('link', { name: 'Reserved beds', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Reserved beds', level: 1 })).toBeVisible();
    await page.getByLabel('Year to date').check();
    await page.getByRole('button', { name: 'Show this period' }).click();
    await expect(page).toHaveURL(/period=year-to-date/);
    const ytd = presetPeriod('year-to-date', today);
    const report = await commissioner.get<ReservedBeds>(`/sufficiency/reserved-beds?allianceId=${f.allianceId}&from=${ytd.from}&to=${ytd.to}`);
    const ours = report.items.find((item) => item.vacancyId === reserved.id)!;
    expect(ours.nightsEmpty).toBeGreaterThan(0);
    const table = page.getByRole('table', { name: 'Reserved vacancies' });
    const heads = await table.getByRole('columnheader').allInnerTexts();
    const nightsColumn = heads.indexOf('Empty bed-nights');
    const ourRow = table.getByRole('row').filter({ hasText: setting.name });
    await expect(ourRow.getByRole('cell').nth(nightsColumn)).toHaveText(String(ours.nightsEmpty));
    await expect(table.getByRole('row').last().getByRole('cell').nth(nightsColumn)).toHaveText(String(report.totals.nightsEmpty));
    await expect(page.getByRole('figure', { name: 'Empty bed-nights by provider' }).getByRole('img', { name: /Bar chart of empty bed-nights/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Empty bed-nights by provider' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'commissioner-reserved-beds');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV of reserved beds' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`reserved-beds-${ytd.from}-to-${ytd.to}.csv`);
    const csv = await readFile((await file.path())!, 'utf8');
    const lines = csv.trimEnd().split(/\r?\n/);
    expect(lines[0]).toMatch(/^vacancyId,/);
    expect(lines.find((line) => line.startsWith(reserved.id))).toMatch(new RegExp(`,${ours.nightsEmpty},\\d+$`));
  } finally {
    await provider.post(`/vacancies/${reserved.id}/withdraw`);
  }
});
