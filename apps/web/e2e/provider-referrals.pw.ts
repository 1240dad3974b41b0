import { addDays, todayInEngland } from '../src/lib/format';
import { apiAs, openVacancyIn, queryDatabase, referChild } from './support/api';
import { expect, expectAccessible, fixture, screenshot, test } from './support/journey';

const oakfield = () => fixture().providers[0];

test('a provider offers one of its homes for a referral in its inbox and declines another', async ({ page, signIn }) => {
  const officer = await apiAs(fixture().officer.email);
  const provider = await apiAs(oakfield().email);
  const offered = await referChild(officer, { ageYears: 15, gender: 'female', reference: 'WEB-OFFER-1' });
  const declined = await referChild(officer, { ageYears: 12, gender: 'male', reference: 'WEB-DECLINE-1' });
  const house = await openVacancyIn(provider, 'Oakfield House');

  await signIn(oakfield().email);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { name: 'Referrals sent to us' })).toBeVisible();
  const girl = page.getByRole('article', { name: /15-year-old girl from UB1, for Oakfield House/ });
  await expect(girl).toContainText('Self-harm, level 2 (moderate), essential');
  await expect(girl).toContainText("Children's home");
  await expect(girl).toContainText(/\d+ out of 100/);
  await expect(page.getByRole('article', { name: /12-year-old boy from UB1, for Oakfield Mews/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'provider-inbox');

  await girl.getByRole('link', { name: 'Make an offer of Oakfield House for the 15-year-old girl from UB1' }).click();
  await expect(page.getByRole('heading', { name: 'Make an offer' })).toBeVisible();
  await expect(page.getByLabel('Weekly cost')).toHaveValue('4800');
  await page.getByLabel('Weekly cost').fill('4,650');
  await page.getByLabel('Message (optional)').fill('A quiet room on the ground floor; two staff at night; school place at Greenford High.');
  await expectAccessible(page);
  await screenshot(page, 'provider-offer-form');
  await page.getByRole('button', { name: 'Send offer' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Offer sent to the placement team' })).toBeVisible();
  const offers = await officer.get<{ items: { id: string; weeklyCost: number; message: string; status: string }[] }>(
    `/referrals/${offered}/offers`,
  );
  expect(offers.items).toMatchObject([{ weeklyCost: 4_650, status: 'open', message: expect.stringContaining('Greenford') }]);

  // A second offer of the same home is explained, not shown as a bare 409.
  await page.goto(`/inbox/${offered}/offer?vacancyId=${house.id}`);
  await page.getByRole('button', { name: 'Send offer' }).click();
  await expect(page.getByRole('alert')).toContainText('You have already offered Oakfield House for this child');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Back to referrals sent to us' }).click();
  await page.getByRole('link', { name: 'Decline the 12-year-old boy from UB1 for Oakfield Mews' }).click();
  await expect(page.getByRole('heading', { name: 'Decline this referral' })).toBeVisible();
  await page.getByRole('button', { name: 'Decline referral' }).click();
  await expect(page.getByRole('alert')).toContainText('Select why you are declining');
  await page.getByRole('alert').getByRole('link', { name: 'Select why you are declining' }).click();
  await expect(page.getByRole('radio', { name: 'No capacity' })).toBeFocused();
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'Risk to other children' }).check();
  await page.getByLabel('Anything the placement team should know (optional)').fill('Two boys of 13 already live there.');
  await page.getByRole('button', { name: 'Decline referral' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Referral declined' })).toBeVisible();
  const declines = await queryDatabase<{ reason: string; note: string }>(
    'SELECT reason, note FROM declines WHERE referral_id = $1 AND provider_id = $2',
    [declined, oakfield().id],
  );
  expect(declines).toEqual([{ reason: 'risk_to_other_children', note: 'Two boys of 13 already live there.' }]);

  await page.getByRole('link', { name: 'Our offers' }).click();
  await expect(page.getByRole('row', { name: /Oakfield House.*£4,650 a week.*Open/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'provider-offers');
});

test('a hold on one of our beds counts down on the vacancy board', async ({ page, signIn }) => {
  const officer = await apiAs(fixture().officer.email);
  const provider = await apiAs(oakfield().email);
  const referralId = await referChild(officer, { ageYears: 9, gender: 'other', reference: 'WEB-HOLD-1' });
  const mews = await openVacancyIn(provider, 'Oakfield Mews');
  await officer.ok('POST', `/vacancies/${mews.id}/holds`, { referralId, minutes: 30 });

  await signIn(oakfield().email);
  await page.getByRole('link', { name: 'Homes and vacancies' }).click();
  await page.getByRole('link', { name: 'Oakfield Mews' }).click();
  const hold = page.getByRole('table', { name: 'Beds held by placement teams' }).getByRole('row', { name: /Ealing/ });
  await expect(hold).toContainText(/29:\d\d|30:00/);
  await expectAccessible(page);
  await screenshot(page, 'provider-vacancy-board-hold');
});

test('once an offer is accepted the provider sees the placement, its outcomes, and records progress', async ({ page, signIn }) => {
  const officer = await apiAs(fixture().officer.email);
  const birchwood = fixture().providers[1];
  const provider = await apiAs(birchwood.email);
  const referralId = await referChild(officer, { ageYears: 14, gender: 'female', reference: 'WEB-PLACE-1' });
  const lodge = await openVacancyIn(provider, 'Birchwood Lodge');
  const offer = await provider.ok<{ id: string }>('POST', `/referrals/${referralId}/offers`, { vacancyId: lodge.id, weeklyCost: 4_400 });
  const { placementId } = await officer.ok<{ placementId: string }>('POST', `/offers/${offer.id}/accept`);
  await officer.ok('POST', `/placements/${placementId}/outcomes`, {
    kind: 'hard',
    description: 'Attends school every day this half term',
    targetDate: addDays(todayInEngland(), 60),
    status: 'not_started',
  });

  await signIn(birchwood.email);
  await page.getByRole('link', { name: 'Placements' }).click();
  await expect(page.getByRole('heading', { name: 'Placements' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: '14-year-old girl' }).click();
  await expect(page).toHaveURL(new RegExp(`/provider-placements/${placementId}$`));
  await expect(page.getByRole('heading', { name: /14-year-old girl/ })).toBeVisible();
  // Once accepted, and only then: who placed the child and how to reach them, and the date of birth.
  const f = fixture();
  await expect(page.getByRole('main')).toContainText(f.officer.name);
  await expect(page.getByRole('main')).toContainText(f.officer.email);
  await expect(page.getByRole('main')).toContainText('020 7946 0321');
  await expect(page.getByRole('article', { name: 'The placement' })).toContainText('Ealing');
  await expect(page.getByRole('article', { name: 'The placement' })).toContainText('£4,400 a week');
  // Never the child's name or the LA's case reference.
  await expect(page.getByText('WEB-PLACE-1')).toHaveCount(0);
  const outcome = page.getByRole('article', { name: /Attends school every day this half term/ });
  await expect(outcome).toContainText('Not started');
  await expectAccessible(page);

  await outcome.getByRole('link', { name: 'Record progress on Attends school every day this half term' }).click();
  await expect(page.getByRole('heading', { name: 'Record progress' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'In progress' }).check();
  await page.getByLabel('What has happened since the last update (optional)').fill('Full attendance in the first two weeks.');
  await page.getByRole('button', { name: 'Record progress' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Progress recorded' })).toBeVisible();
  const journey = page.getByRole('article', { name: /Attends school/ }).getByRole('table', { name: 'Journey' });
  await expect(journey.getByRole('row', { name: /In progress.*Provider.*Full attendance/ })).toBeVisible();
  await screenshot(page, 'provider-placement');

  // The provider's "achieved" waits for the placing authority to confirm it.
  await outcome.getByRole('link', { name: 'Record progress on Attends school every day this half term' }).click();
  await page.getByRole('radio', { name: 'Achieved', exact: true }).check();
  await page.getByRole('button', { name: 'Record progress' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Progress recorded' })).toBeVisible();
  const proposed = page.getByRole('article', { name: /Attends school/ });
  await expect(proposed).toContainText('Achieved: awaiting the placing authority');
  await expect(proposed.getByRole('table', { name: 'Journey' }).getByRole('row', { name: /Achieved \(proposed\).*Provider/ })).toBeVisible();
});
