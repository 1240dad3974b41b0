import { describe, expect, it } from 'vitest';
import { mustChangePasswordFirst, passwordProblems, safeNext } from './password-gate';

describe('where to go after signing in or changing a password', () => {
  it('keeps paths inside the app and nothing else', () => {
    expect(safeNext('/referrals?status=open')).toBe('/referrals?status=open');
    expect(safeNext(undefined)).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
  });
});

describe('a user whose password was reset', () => {
  it('is sent to change it from every page but that one', () => {
    expect(mustChangePasswordFirst({ mustChangePassword: true }, '/referrals')).toBe(true);
    expect(mustChangePasswordFirst({ mustChangePassword: true }, '/account/password')).toBe(false);
    expect(mustChangePasswordFirst({ mustChangePassword: false }, '/referrals')).toBe(false);
    expect(mustChangePasswordFirst({}, '/referrals')).toBe(false);
    expect(mustChangePasswordFirst(null, '/referrals')).toBe(false);
  });
});

describe('a new password', () => {
  const good = { currentPassword: 'temporary-one', newPassword: 'a-brand-new-password', confirmPassword: 'a-brand-new-password' };

  it('passes when typed twice alike, 12 characters or more, unlike the current one', () => {
    expect(passwordProblems(good)).toEqual([]);
  });

  it('names each field that is wrong', () => {
    expect(passwordProblems({ currentPassword: '', newPassword: 'short', confirmPassword: '' })).toEqual([
      ['currentPassword', 'Enter your current password'],
      ['newPassword', 'Enter a new password of at least 12 characters'],
      ['confirmPassword', 'Enter the same new password again'],
    ]);
    expect(passwordProblems({ ...good, confirmPassword: 'a-brand-new-passwore' }).map(([field]) => field)).toEqual(['confirmPassword']);
    expect(passwordProblems({ ...good, currentPassword: good.newPassword }).map(([field]) => field)).toEqual(['newPassword']);
  });
});
