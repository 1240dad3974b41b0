import { describe, expect, it } from 'vitest';
import { newUserBody, newUserProblems, sentence, unusedPassword, usersSearch, type NewUserValues } from './users';

const blank: NewUserValues = { email: '', displayName: '', role: '', localAuthorityCode: '', providerId: '', allianceId: '' };
const PROVIDER = '6f1c2b9e-1d2a-4c3b-8e4f-5a6b7c8d9e0f';

describe('the users list address', () => {
  it('keeps a trimmed search, a known role and a page above 1', () => {
    expect(usersSearch({ search: '  ealing ', role: 'commissioner', page: 3 })).toEqual({ search: 'ealing', role: 'commissioner', page: 3 });
  });

  it('drops what it does not know', () => {
    expect(usersSearch({ search: '   ', role: 'king', page: 1 })).toEqual({ search: undefined, role: undefined, page: undefined });
    expect(usersSearch({ search: 4, page: 'two' })).toEqual({ search: undefined, role: undefined, page: undefined });
    expect(usersSearch({ page: 2.5 }).page).toBeUndefined();
  });
});

describe('a new user', () => {
  it('needs an email and a role, and the organisation that role belongs to', () => {
    expect(newUserProblems(blank).map(([field]) => field)).toEqual(['email', 'role']);
    expect(newUserProblems({ ...blank, email: 'a@b.gov.uk', role: 'placement_officer' })).toEqual([
      ['localAuthorityCode', 'Select the local authority'],
    ]);
    expect(newUserProblems({ ...blank, email: 'a@b.gov.uk', role: 'provider_user', providerId: 'acme' }).map(([field]) => field)).toEqual([
      'providerId',
    ]);
    expect(newUserProblems({ ...blank, email: 'a@b.gov.uk', role: 'commissioner' }).map(([field]) => field)).toEqual(['allianceId']);
    expect(newUserProblems({ ...blank, email: 'a@b.gov.uk', role: 'admin' })).toEqual([]);
    expect(newUserProblems({ ...blank, email: 'not an email', role: 'admin' }).map(([field]) => field)).toEqual(['email']);
  });

  it("sends only the role's own organisation, trimmed, and no blank name", () => {
    const values = { ...blank, email: ' p@acme.org ', role: 'provider_user', localAuthorityCode: 'E09000009', providerId: ` ${PROVIDER} `, displayName: '  ' };
    expect(newUserBody(values, 'x'.repeat(48))).toEqual({ email: 'p@acme.org', password: 'x'.repeat(48), role: 'provider_user', providerId: PROVIDER });
    expect(newUserBody({ ...values, role: 'admin', displayName: ' Priya Sharma ' }, 'pw')).toEqual({
      email: 'p@acme.org',
      password: 'pw',
      role: 'admin',
      displayName: 'Priya Sharma',
    });
  });

  it('is created with a long random password nobody is shown', () => {
    expect(unusedPassword(() => new Uint8Array(24).fill(10))).toBe('0a'.repeat(24));
    const one = unusedPassword();
    expect(one).toMatch(/^[0-9a-f]{48}$/);
    expect(unusedPassword()).not.toBe(one);
  });
});

it('turns a problem with no field of its own into a sentence', () => {
  expect(sentence('you cannot disable yourself')).toBe('You cannot disable yourself');
});
