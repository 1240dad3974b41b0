import { apiAs, referChild } from './support/api';
import { expect, expectAccessible, fixture, screenshot, test } from './support/journey';

test('a provider sees only the referrals sent to it, never the child’s identity, until the officer sends it one', async ({
  page,
  signIn,
  browser,
}) => {
  const f = fixture();
  const commissioner = await apiAs(f.commissioner.email);
  const officer = await apiAs(f.officer.email);
  // Only the best provider of each shortlist is sent a referral automatically.
  await commissioner.ok('PUT', `/alliances/${f.allianceId}/targeting`, { autoSendTopProviders: 1 });
  try {
    const referralId = await referChild(officer, { ageYears: 13, gender: 'female', reference: 'EAL-WEB-TARGET' });
    const birchwood = f.providers[1];

    // Birchwood Homes is on the shortlist but was not sent the referral: its inbox does not show it.
    const providerContext = await browser.newContext({ baseURL: f.baseUrl });
    const providerPage = await providerContext.newPage();
    await providerPage.goto('/sign-in');
    await providerPage.getByLabel('Email address').fill(birchwood.email);
    await providerPage.getByLabel('Password').fill(f.password);
    await providerPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(providerPage.getByRole('heading', { name: 'Referrals sent to us' })).toBeVisible();
    await expect(providerPage.getByText('13-year-old girl from UB1')).toHaveCount(0);

    // The officer sends it to Birchwood from the shortlist, and the send is recorded with a name.
    await signIn(f.officer.email);
    await page.goto(`/referrals/${referralId}`);
    const shortlist = page.getByRole('table', { name: 'Ranked vacancies, best first' });
    const birchwoodRow = shortlist.getByRole('row').filter({ hasText: 'Birchwood Lodge' });
    await birchwoodRow.getByLabel('Send to Birchwood Homes').check();
    await page.getByRole('button', { name: 'Send to 1 more provider' }).click();
    await expect(birchwoodRow).toContainText(/Sent \d/);
    await expectAccessible(page);
    await screenshot(page, 'officer-targeting');
    const recipients = await officer.get<{ items: { providerName: string; sentBy: { name: string } | null }[] }>(
      `/referrals/${referralId}/recipients`,
    );
    expect(recipients.items).toEqual([
      expect.objectContaining({ providerName: 'Oakfield Care', sentBy: null }),
      expect.objectContaining({ providerName: 'Birchwood Homes', sentBy: expect.objectContaining({ name: f.officer.name }) }),
    ]);

    // Now Birchwood sees it: anonymised, with no reference, date of birth or postcode.
    await providerPage.reload();
    const card = providerPage.getByText('13-year-old girl from UB1').first();
    await expect(card).toBeVisible();
    const text = await providerPage.getByRole('main').innerText();
    expect(text).not.toContain('EAL-WEB-TARGET');
    expect(text).not.toMatch(/UB1 1AA/);
    await providerContext.close();
  } finally {
    await commissioner.ok('PUT', `/alliances/${f.allianceId}/targeting`, { autoSendTopProviders: 5 });
  }
});
