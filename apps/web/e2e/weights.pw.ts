import { apiAs } from './support/api';
import { expect, expectAccessible, fixture, screenshot, test } from './support/journey';

test('the commissioner previews new matching weights, sees their running sum, saves them and is told how many referrals are re-matched', async ({
  page,
  signIn,
}) => {
  const f = fixture();
  const commissioner = await apiAs(f.commissioner.email);
  try {
    await signIn(f.commissioner.email);
    await page.getByRole('link', { name: 'Matching weights' }).click();
    await expect(page.getByRole('heading', { name: 'Matching weights' })).toBeVisible();
    await expect(page.getByText('Total: 100 of 100')).toBeVisible();
    await page.getByLabel('Cost', { exact: true }).fill('0');
    await expect(page.getByText('Total: 90 of 100 (10 to go)')).toBeVisible();
    await page.getByRole('button', { name: 'Save weights' }).click();
    await expect(page.getByRole('alert')).toContainText('The weights must add up to 100; they add up to 90');
    await expectAccessible(page);

    await page.getByLabel('Distance', { exact: true }).fill('35');
    await page.getByRole('button', { name: 'Preview the effect' }).click();
    await expect(page.getByRole('status')).toContainText(/Of the alliance's \d+ current shortlists, \d+ would have another home first/);
    await screenshot(page, 'commissioner-weights');
    await page.getByRole('button', { name: 'Save weights' }).click();
    await expect(page.getByRole('status')).toContainText(/Saved\. \d+ referrals? waiting for a placement (is|are) being matched again/);
    const saved = await commissioner.get<{ proximity: number; cost: number }>(`/alliances/${f.allianceId}/matching-weights`);
    expect(saved).toMatchObject({ proximity: 35, cost: 0 });

    await page.getByLabel(/Days after an emergency placement starts/).fill('21');
    await page.getByRole('button', { name: 'Save step-down days' }).click();
    await expect(page.getByText('needed by 21 days after the emergency placement starts')).toBeVisible();
    await expectAccessible(page);
  } finally {
    await commissioner.ok('PUT', `/alliances/${f.allianceId}/matching-weights`, { needs: 35, proximity: 25, quality: 20, continuity: 10, cost: 10 });
    await commissioner.ok('PUT', `/alliances/${f.allianceId}/step-down`, { days: 28 });
  }
});
