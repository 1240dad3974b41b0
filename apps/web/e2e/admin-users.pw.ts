import type { Page } from '@playwright/test';
import { login } from './support/fixture';
import { admin, expect, expectAccessible, fixture, screenshot, test } from './support/journey';

/** The admin's api, for putting back what the journey changed if it stops halfway. */
async function enableAgain(userId: string) {
  const { baseUrl } = fixture();
  const token = await login(baseUrl, admin().email, admin().password);
  await fetch(`${baseUrl}/api/v1/admin/users/${userId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ disabled: false }),
  });
}

async function confirm(page: Page, action: string, confirmation: string) {
  await page.getByRole('button', { name: action }).click();
  await page.getByRole('button', { name: confirmation }).click();
}

test('an admin creates an officer, resets their password and disables them; the officer changes it, then is signed out at once', async ({
  page,
  browser,
  signIn,
}) => {
  const f = fixture();
  const email = `jo.web.${Date.now()}@ealing.web.test`;
  const newPassword = 'a-password-of-my-own-2026';
  let userId: string | undefined;
  const officerContext = await browser.newContext({ baseURL: f.baseUrl });
  try {
    // The admin finds a user by part of their email, and by role.
    await signIn(admin().email, admin().password);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link').first()).toHaveText('Users');
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
    await page.getByLabel('Search by email or name').fill('priya.shah');
    await page.getByLabel('Role').selectOption({ label: 'Placement officer' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/search=priya\.shah/);
    await expect(page).toHaveURL(/role=placement_officer/);
    const found = page.getByRole('table', { name: /1 user found/ });
    await expect(found.getByRole('row', { name: new RegExp(`${f.officer.email}.*Placement officer.*Ealing.*Active`) })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'admin-users');

    // Creates a placement officer: problems beside their fields first, then the temporary password once.
    await page.getByRole('link', { name: 'Create a user' }).click();
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter an email address');
    await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('group', { name: 'Role' })).toContainText('Select a role');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Name (optional)').fill('Jo Web');
    await page.getByLabel('Placement officer').check();
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByLabel('Local authority')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Local authority').selectOption({ label: 'Ealing' });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByRole('heading', { name: 'User created' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Temporary password' }).getByRole('code')).toHaveText(/\S{12,}/);
    await expect(page.getByText('This password will not be shown again')).toBeVisible();
    await expectAccessible(page);

    // Resets it from the user's page, and reads the new temporary password.
    await page.getByRole('link', { name: 'View this user' }).click();
    await expect(page.getByRole('heading', { name: 'Jo Web' })).toBeVisible();
    userId = page.url().split('/').pop();
    await expect(page.getByText('Yes: their password was reset')).toBeVisible();
    await expectAccessible(page);
    await confirm(page, 'Reset password', 'Yes, reset the password');
    await expect(page.getByRole('alert').filter({ hasText: 'The password of Jo Web has been reset' })).toBeVisible();
    const temporary = (await page.getByRole('region', { name: 'Temporary password' }).getByRole('code').textContent())!.trim();
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await expectAccessible(page);

    // The officer signs in with it in a browser of their own, and must choose a new password first.
    const officer = await officerContext.newPage();
    await officer.goto('/sign-in');
    await officer.getByLabel('Email address').fill(email);
    await officer.getByLabel('Password').fill(temporary);
    await officer.getByRole('button', { name: 'Sign in' }).click();
    await expect(officer.getByRole('heading', { name: 'Change your password' })).toBeVisible();
    await expect(officer).toHaveURL(/\/account\/password/);
    await officer.goto('/placements');
    await expect(officer.getByRole('heading', { name: 'Change your password' })).toBeVisible();
    await officer.getByLabel('Current password').fill(temporary);
    await officer.getByLabel('New password', { exact: true }).fill(newPassword);
    await officer.getByLabel('Confirm new password').fill('not-the-same-password');
    await officer.getByRole('button', { name: 'Change password' }).click();
    await expect(officer.getByLabel('Confirm new password')).toHaveAttribute('aria-invalid', 'true');
    await expect(officer.getByText('Enter the same new password again').first()).toBeVisible();
    await expectAccessible(officer);
    await screenshot(officer, 'change-password');
    await officer.getByLabel('Confirm new password').fill(newPassword);
    await officer.getByRole('button', { name: 'Change password' }).click();
    await expect(officer.getByRole('alert').filter({ hasText: 'Your password has been changed' })).toBeVisible();
    await expectAccessible(officer);
    await officer.getByRole('button', { name: 'Continue' }).click();
    await expect(officer.getByRole('heading', { name: 'Placements' })).toBeVisible();
    await expect(officer.getByText('No live placements.')).toBeVisible();

    // The admin disables the officer: the officer's very next action ends their session.
    await page.reload();
    await expect(page.getByText('No', { exact: true })).toBeVisible();
    await confirm(page, 'Disable user', 'Yes, disable this user');
    await expect(page.getByRole('alert').filter({ hasText: 'Jo Web has been disabled' })).toBeVisible();
    await expect(page.getByText('Disabled', { exact: true })).toBeVisible();
    // Their next action asks the api for something (pages seen in the last few seconds come from the tab's cache).
    await officer.getByRole('link', { name: 'Ended' }).click();
    const dialog = officer.getByRole('dialog', { name: 'Your session has ended' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Password').fill(newPassword);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog.getByRole('alert')).toContainText('This account has been disabled: ask your administrator');

    // Enabled again, the officer signs back in over the page they were on.
    await confirm(page, 'Enable user', 'Yes, enable this user');
    await expect(page.getByRole('alert').filter({ hasText: 'Jo Web has been enabled' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(officer.getByText('No ended placements.')).toBeVisible();

    // An admin cannot disable themselves: the api's reason is shown.
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByLabel('Search by email or name').fill(admin().email);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: admin().email }).click();
    await confirm(page, 'Disable user', 'Yes, disable this user');
    await expect(page.getByRole('alert')).toContainText('You cannot disable yourself');
    await expect(page.getByText('Active', { exact: true })).toBeVisible();
  } finally {
    if (userId) await enableAgain(userId);
    await officerContext.close();
  }
});

test('an admin creates a provider user by finding the provider, and a commissioner by choosing the alliance', async ({ page, signIn }) => {
  const f = fixture();
  const provider = f.providers[1];
  await signIn(admin().email, admin().password);
  await page.goto('/users/new');
  const providerEmail = `sam.web.${Date.now()}@birchwood.web.test`;
  await page.getByLabel('Email address').fill(providerEmail);
  await page.getByLabel('Provider', { exact: true }).check();
  // Nothing chosen yet: the problem is beside the search box, where the admin acts.
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByLabel('Find the provider')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('Find the provider and choose it from the matches');
  await page.getByLabel('Find the provider').fill('no such provider anywhere');
  await expect(page.getByText('No provider matches “no such provider anywhere”.')).toBeVisible();
  await page.getByLabel('Find the provider').fill(provider.name.slice(0, 6));
  await page.getByRole('group', { name: 'Matching providers' }).getByLabel(provider.name).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('heading', { name: 'User created' })).toBeVisible();
  await page.goto(`/users?search=${encodeURIComponent(providerEmail)}`);
  await expect(page.getByRole('row', { name: new RegExp(`${providerEmail}.*Provider.*${provider.name}`) })).toBeVisible();

  await page.goto('/users/new');
  await page.getByLabel('Email address').fill(`ali.web.${Date.now()}@alliance.web.test`);
  await page.getByLabel('Commissioner').check();
  await page.getByLabel('Alliance').selectOption({ label: 'West London Alliance' });
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('heading', { name: 'User created' })).toBeVisible();
});
