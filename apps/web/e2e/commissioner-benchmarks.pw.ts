import { addDays, todayInEngland } from '../src/lib/format';
import { apiAs, openVacancyIn, referChild } from './support/api';
import { expect, expectAccessible, fixture, screenshot, test } from './support/journey';

type Benchmark = { name: string; averageRating: number | null; costPerOutcomeAchieved: number | null };
type SectorSide = { group: string; averageRating: number | null };
type Report = { items: Benchmark[]; sectors: SectorSide[] };

const RATING = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const rating = (value: number | null) => (value === null ? 'no data' : `${RATING.format(value)} out of 5`);
const pounds = (value: number | null) => (value === null ? 'no data' : `£${value.toLocaleString('en-GB')}`);

test('the commissioner filters the provider benchmarks by type and sector, sorts by rating and compares in-house against independent', async ({
  page,
  signIn,
}) => {
  const f = fixture();
  const officer = await apiAs(f.officer.email);
  const oakfield = await apiAs(f.providers[0].email);
  const commissioner = await apiAs(f.commissioner.email);
  // The scene: Oakfield Care places an 8-year-old boy, whose placement achieves its outcome, ends,
  // and is rated 4 of 5. The ending is unplanned, so Oakfield House gets its bed back at once.
  const referralId = await referChild(officer, { ageYears: 8, gender: 'male', reference: 'WEB-BENCH-1' });
  let placementId: string | undefined;
  let ended = false;
  try {
    const house = await openVacancyIn(oakfield, 'Oakfield House');
    const offer = await oakfield.post<{ id: string }>(`/referrals/${referralId}/offers`, { vacancyId: house.id, weeklyCost: 4_800 });
    placementId = (await officer.post<{ placementId: string }>(`/offers/${offer.id}/accept`)).placementId;
    await officer.post(`/placements/${placementId}/outcomes`, {
      kind: 'hard',
      description: 'Settles into a new school',
      targetDate: addDays(todayInEngland(), 30),
      status: 'achieved',
    });
    await officer.post(`/placements/${placementId}/end`, { endDate: todayInEngland(), reason: 'CREQB', planned: false });
    ended = true;
    await officer.post(`/placements/${placementId}/feedback`, { rating: 4, comments: 'Kind, steady care.' });

    const benchmarks = (query = '') => commissioner.get<Report>(`/providers/benchmark?allianceId=${f.allianceId}${query}`);
    await signIn(f.commissioner.email);
    await page.goto('/sufficiency/providers');
    await expect(page.getByRole('heading', { name: 'Provider benchmarks', level: 1 })).toBeVisible();
    const table = page.getByRole('table', { name: 'Providers' });
    const names = async () => (await table.getByRole('row').allInnerTexts()).slice(1).map((row) => row.split('\t')[0]!);
    await expect.poll(names).toEqual((await benchmarks()).items.map((item) => item.name));

    // Filter by a placement type, then add a sector: the address keeps both, the rows are the api's.
    await page.getByLabel('Placement type').selectOption({ label: "Children's home" });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/placementType=K2/);
    const homes = (await benchmarks('&placementType=K2')).items.map((item) => item.name);
    expect(homes).toContain('Oakfield Care');
    await expect.poll(names).toEqual(homes);
    await page.getByLabel('Sector').selectOption({ label: 'Voluntary' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/sector=voluntary/);
    const voluntary = (await benchmarks('&placementType=K2&sector=voluntary')).items.map((item) => item.name);
    expect(voluntary).not.toContain('Oakfield Care');
    await expect.poll(names).toEqual(voluntary);
    await expect(page.getByLabel('Placement type')).toHaveValue('K2');
    await expectAccessible(page);

    // The CSV is the filtered rows.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV of these providers' }).click();
    const { readFile } = await import('node:fs/promises');
    const csv = (await readFile((await (await download).path())!, 'utf8')).trimEnd().split(/\r?\n/);
    expect(csv[0]).toContain('sector,placementTypes,localAuthorityCodes,ofstedGrade,ratings,averageRating');
    expect(csv).toHaveLength(voluntary.length + 1);

    // Independent providers only, sorted by rating, best first: Oakfield's figures are the api's.
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.getByLabel('Sector').selectOption({ label: 'Independent (private or voluntary)' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/sector=independent/);
    const independent = await benchmarks('&sector=independent');
    await expect.poll(names).toEqual(independent.items.map((item) => item.name));
    const header = table.getByRole('columnheader', { name: 'Average rating' });
    await header.getByRole('button').click();
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const byRating = [...independent.items].sort((a, b) => (b.averageRating ?? -1) - (a.averageRating ?? -1));
    expect((await names())[0]).toBe(byRating[0]!.name);
    const headers = await table.getByRole('columnheader').allInnerTexts();
    const oak = independent.items.find((item) => item.name === 'Oakfield Care')!;
    expect(oak.averageRating).not.toBeNull();
    const oakRow = table.getByRole('row').filter({ hasText: 'Oakfield Care' });
    await expect(oakRow.getByRole('cell').nth(headers.indexOf('Average rating'))).toHaveText(rating(oak.averageRating));
    await expect(oakRow.getByRole('cell').nth(headers.indexOf('Cost per outcome achieved'))).toHaveText(pounds(oak.costPerOutcomeAchieved));

    // In-house against independent: the fixture's providers are all independent.
    const comparison = page.getByRole('table', { name: 'In-house against independent' });
    const ratings = comparison.getByRole('row', { name: /Average end-of-placement rating/ });
    await expect(ratings.getByRole('cell').nth(0)).toHaveText('no data');
    await expect(ratings.getByRole('cell').nth(1)).toHaveText(rating(independent.sectors[1]!.averageRating));
    await expect(page.getByRole('img', { name: `Independent: ${rating(independent.sectors[1]!.averageRating)}` })).toBeVisible();
    await expectAccessible(page);
    // Sorting left the table scrolled to the rating; the picture starts with the providers' names.
    await page.getByRole('button', { name: 'Provider', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'commissioner-benchmarks');
  } finally {
    // Whatever failed, give the bed back and close the referral.
    if (placementId && !ended) await officer.send('POST', `/placements/${placementId}/end`, { endDate: todayInEngland(), reason: 'CREQB', planned: false });
    if (!placementId) await officer.send('POST', `/referrals/${referralId}/withdraw`);
  }
});
