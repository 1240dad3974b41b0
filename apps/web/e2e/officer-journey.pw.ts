import type { Locator, Page } from '@playwright/test';
import { addDays, todayInEngland } from '../src/lib/format';
import { apiAs, referralsWithReference, until } from './support/api';
import { expect, expectAccessible, fixture, screenshot, test } from './support/journey';

/** Fills the new-referral form's three questions by label, as an officer would. */
async function fillReferral(page: Page, reference: string, postcode = 'UB1 1AA') {
  await page.getByLabel('Your case reference for the child').fill(reference);
  const born = page.getByRole('group', { name: 'Date of birth' });
  await born.getByLabel('Day').fill('1');
  await born.getByLabel('Month').fill('5');
  await born.getByLabel('Year').fill('2012');
  await page.getByLabel('Female').check();
  await page.getByLabel('Home postcode').fill(postcode);
  await page.getByLabel('Legal status').selectOption('C2');
  await page.getByLabel('Category of need').selectOption('N1');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: "The child's needs" })).toBeVisible();
  await page.getByLabel('Self-harm', { exact: true }).check();
  await page.getByLabel('Support needed for self-harm').selectOption('3');
  await page.getByLabel(/^Essential: only homes that can support self-harm/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'The placement needed' })).toBeVisible();
  await page.getByLabel("Children's home (K2)").check();
  await page.getByLabel('Weekly budget in pounds (optional)').fill('5000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check the referral, then send it' })).toBeVisible();
}

test('an officer refers a child, sees the named shortlist with reasons, holds a bed, accepts an offer and ends the placement', async ({
  page,
  signIn,
}) => {
  const f = fixture();
  await signIn(f.officer.email);
  await page.getByRole('link', { name: 'New referral' }).first().click();
  await expect(page.getByRole('heading', { name: 'About the child' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'officer-new-referral');
  await fillReferral(page, 'EAL-WEB-0001');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send referral' }).click();

  // Submitted, then shortlisted, without a reload.
  await expect(page.getByRole('heading', { name: /EAL-WEB-0001/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /EAL-WEB-0001/ }).getByText('Shortlisted')).toBeVisible();
  const shortlist = page.getByRole('table', { name: 'Ranked vacancies, best first' });
  await expect(shortlist.getByRole('row')).toHaveCount(3); // a header and the two homes supporting self-harm at level 3
  const top = shortlist.getByRole('row').nth(1);
  await expect(top).toContainText('Oakfield House');
  await expect(top).toContainText('Oakfield Care');
  await expect(top).toContainText("Children's home, Ofsted Good");
  // The fixture's homes have no Ofsted URN: their grades are the providers' word.
  await expect(top.getByText('Grade not verified with Ofsted')).toBeVisible();
  await expect(top).toContainText(/supports self-harm at level 3; (same district|[\d.]+ miles), inside Ealing; Good; within budget/);
  await expect(shortlist.getByRole('row').nth(2)).toContainText('Birchwood Lodge');
  await expect(top.getByRole('img', { name: /^Score [\d.]+ of 100: needs/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'officer-shortlist');

  await page.getByRole('tab', { name: 'Why not' }).click();
  const whyNot = page.getByRole('table', { name: 'Vacancies ruled out, nearest first' });
  await expect(whyNot).toContainText('Oakfield Mews');
  await expect(whyNot).toContainText('cannot support an essential need at the level asked for');
  await expectAccessible(page);
  await page.getByRole('tab', { name: 'Map' }).click();
  await expect(page.getByRole('img', { name: /Map of the child's home district/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'The homes on the map' })).toContainText('Oakfield House');
  await expectAccessible(page);
  await screenshot(page, 'officer-map');
  await page.getByRole('tab', { name: /Shortlist/ }).click();

  // A bed held for an hour, counting down.
  await top.getByRole('button', { name: /Hold a bed for an hour/ }).click();
  await expect(top.getByRole('timer')).toHaveText(/^(59|60):\d\d$/);

  // The provider offers (its own pages are tested in provider-*.pw.ts).
  const referralId = page.url().split('/').pop()!;
  const oakfield = await apiAs(f.providers[0].email);
  const inbox = await until(async () => {
    const items = await oakfield.get<{ referralId: string; vacancyId: string }[]>('/provider/referrals');
    return items.find((item) => item.referralId === referralId);
  });
  await oakfield.post(`/referrals/${referralId}/offers`, { vacancyId: inbox.vacancyId, weeklyCost: 4_800, message: 'We can take her on Monday.' });

  const offers = page.getByRole('table', { name: 'Offers received' });
  await expect(offers).toContainText('We can take her on Monday.', { timeout: 20_000 });
  await expect(offers).toContainText('£4,800 a week');
  await expect(offers).toContainText('Within budget');
  await screenshot(page, 'officer-offers');
  await offers.getByRole('button', { name: /Accept/ }).click();

  // The placement: outcomes, then the ending, then feedback.
  await expect(page).toHaveURL(/\/placements\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /EAL-WEB-0001/ })).toBeVisible();
  await expect(page.getByRole('main').getByText('Oakfield Care')).toBeVisible();
  await page.getByText('Set a new outcome').click();
  await page.getByLabel('Outcome', { exact: true }).fill('Attends school every day for a full term');
  await page.getByLabel(/^Hard: measurable/).check();
  const [year, month, day] = addDays(todayInEngland(), 90).split('-');
  const achieveBy = page.getByRole('group', { name: 'Achieve by' });
  await achieveBy.getByLabel('Day').fill(day);
  await achieveBy.getByLabel('Month').fill(month);
  await achieveBy.getByLabel('Year').fill(year);
  await page.getByRole('button', { name: 'Set outcome' }).click();
  await expect(page.getByRole('heading', { name: 'Attends school every day for a full term' })).toBeVisible();
  await page.getByText('Record progress').click();
  await page.getByLabel('Progress').selectOption('in_progress');
  await page.getByLabel(/What has happened since the last update/).fill('Settled well; attended every day this week.');
  await page.getByRole('button', { name: 'Save progress' }).click();
  await expect(page.getByText(/In progress, .*: Settled well/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'officer-placement');

  await page.getByLabel('Reason (SSDA903)').selectOption('CARPL');
  await page.getByLabel('Yes, planned').check();
  await page.getByRole('button', { name: 'End the placement' }).click();
  await expect(page.getByRole('heading', { name: 'End-of-placement feedback' })).toBeVisible();
  await page.getByLabel('5 (excellent)').check();
  await page.getByLabel('Your feedback').fill('Warm, consistent care; school attendance transformed.');
  await page.getByLabel(/The young person's view/).fill('I felt listened to.');
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page.getByText('5 out of 5')).toBeVisible();
  await expectAccessible(page);
});

test('a bad referral shows each problem beside its field and stores nothing', async ({ page, signIn }) => {
  const f = fixture();
  await signIn(f.officer.email);
  await page.goto('/referrals/new');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText("Case reference: Enter your LA's case reference for the child");
  await expect(page.getByRole('group', { name: 'Date of birth' })).toContainText("Enter the child's date of birth");
  await expectAccessible(page);
  await screenshot(page, 'officer-form-errors');

  // A postcode of the right shape in no district: only the api can say, and it does beside the field.
  await fillReferral(page, 'EAL-WEB-BAD', 'ZZ9 9ZZ');
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page.getByRole('heading', { name: 'About the child' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Home postcode');
  await expect(page.getByLabel('Home postcode')).toHaveAttribute('aria-invalid', 'true');
  const officer = await apiAs(f.officer.email);
  expect(await referralsWithReference(officer, 'EAL-WEB-BAD')).toHaveLength(0);
});

test('a double click, or sending again after a reload, makes one referral', async ({ page, signIn }) => {
  const f = fixture();
  await signIn(f.officer.email);
  await page.goto('/referrals/new');
  await fillReferral(page, 'EAL-WEB-TWICE');
  // The draft and its Idempotency-Key survive a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Check the referral, then send it' })).toBeVisible();
  await page.getByRole('button', { name: 'Send referral' }).dblclick();
  await expect(page.getByRole('heading', { name: /EAL-WEB-TWICE/ })).toBeVisible();
  const officer = await apiAs(f.officer.email);
  expect(await referralsWithReference(officer, 'EAL-WEB-TWICE')).toHaveLength(1);
});

test('an emergency referral takes three screens, and the whole form works by keyboard alone', async ({ page, signIn }) => {
  const f = fixture();
  await signIn(f.officer.email);
  await page.getByRole('link', { name: 'Emergency referral' }).first().click();
  await expect(page.getByRole('heading', { name: 'About the child' })).toBeVisible();
  await expect(page.getByText('step 1 of 3')).toBeVisible();
  const type = async (text: string) => page.keyboard.type(text);
  const tab = async (to: Parameters<Page['getByLabel']>[0], exact = false) => {
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(to, { exact })).toBeFocused();
  };
  // Tab presses only, from the top of the page, until each field has focus.
  const tabTo = async (target: Locator) => {
    for (let presses = 0; presses < 80; presses++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('never reached by Tab');
  };
  await tabTo(page.getByLabel('Your case reference for the child'));
  await type('EAL-WEB-EMERGENCY');
  await tab('Day');
  await type('1');
  await tab('Month');
  await type('5');
  await tab('Year');
  await type('2012');
  await tab('Female'); // radios are one tab stop
  await page.keyboard.press('Space');
  await tab('Home postcode');
  await type('UB1 1AA');
  await tab('Legal status');
  await page.keyboard.press('ArrowDown'); // native selects move by arrow keys
  await page.keyboard.press('ArrowDown');
  await tab('Category of need');
  await page.keyboard.press('ArrowDown');
  await tabTo(page.getByLabel('Self-harm', { exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'The placement needed' })).toBeVisible();
  await expect(page.getByLabel("Children's home (K2)")).toBeChecked();
  await tabTo(page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('step 3 of 3')).toBeVisible();
  await tabTo(page.getByRole('button', { name: 'Send emergency referral' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /EAL-WEB-EMERGENCY/ })).toBeVisible();
  await expect(page.getByRole('main').getByText('Emergency referral', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /EAL-WEB-EMERGENCY/ }).getByText('Shortlisted')).toBeVisible();
  await page.getByRole('link', { name: 'Referrals', exact: true }).first().click();
  // Open emergencies above everything else.
  await expect(page.getByRole('region', { name: 'Emergencies waiting for a placement' })).toContainText('EAL-WEB-EMERGENCY');
  const first = page.getByRole('table').getByRole('row').nth(1);
  await expect(first).toContainText('EAL-WEB-EMERGENCY'); // and first in the table
  await expectAccessible(page);
  await screenshot(page, 'officer-referrals');
});
