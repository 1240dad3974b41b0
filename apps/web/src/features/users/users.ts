import type { Body, Ok } from '../../api/types';

export type AdminUser = Ok<'/api/v1/admin/users/{id}'>;
export type Role = AdminUser['role'];
type NewUserBody = Body<'/api/v1/admin/users', 'post'>;

export const ROLES = ['placement_officer', 'provider_user', 'commissioner', 'admin'] as const satisfies readonly Role[];

export type OrganisationField = 'localAuthorityCode' | 'providerId' | 'allianceId';

/** The one organisation each role belongs to, as the api checks it; an admin belongs to none. */
export const ORGANISATION_FIELD: Record<Role, OrganisationField | undefined> = {
  placement_officer: 'localAuthorityCode',
  provider_user: 'providerId',
  commissioner: 'allianceId',
  admin: undefined,
};

export interface UsersSearch {
  search?: string;
  role?: Role;
  page?: number;
}

/** The list's address: `?search=&role=&page=`, anything unknown dropped. */
export function usersSearch(search: Record<string, unknown>): UsersSearch {
  const text = typeof search.search === 'string' ? search.search.trim() : '';
  const page = Number(search.page);
  return {
    search: text || undefined,
    role: ROLES.includes(search.role as Role) ? (search.role as Role) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

export interface NewUserValues {
  email: string;
  displayName: string;
  role: string;
  localAuthorityCode: string;
  providerId: string;
  allianceId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What is missing before the form is sent; the api checks the rest (that the organisation exists). */
export function newUserProblems(values: NewUserValues): [keyof NewUserValues, string][] {
  const problems: [keyof NewUserValues, string][] = [];
  if (!/^\S+@\S+\.\S+$/.test(values.email.trim())) problems.push(['email', 'Enter an email address, like name@example.gov.uk']);
  const role = ROLES.find((known) => known === values.role);
  if (!role) return [...problems, ['role', 'Select a role']];
  const field = ORGANISATION_FIELD[role];
  const value = field ? values[field].trim() : '';
  if (field === 'localAuthorityCode' && !value) problems.push([field, 'Select the local authority']);
  if (field === 'providerId' && !UUID.test(value)) problems.push([field, 'Find the provider and choose it from the matches']);
  if (field === 'allianceId' && !UUID.test(value)) problems.push([field, 'Select the alliance']);
  return problems;
}

/** The api's body: only the role's own organisation, no blank display name. */
export function newUserBody(values: NewUserValues, password: string): NewUserBody {
  const role = values.role as Role;
  const field = ORGANISATION_FIELD[role];
  const displayName = values.displayName.trim();
  return {
    email: values.email.trim(),
    password,
    role,
    ...(field ? { [field]: values[field].trim() } : {}),
    ...(displayName ? { displayName } : {}),
  };
}

/**
 * A password nobody is shown: the user is created with it, then at once given a temporary one by
 * the api's reset, which also makes them choose their own when they first sign in.
 */
export function unusedPassword(randomBytes: (count: number) => ArrayLike<number> = (count) => crypto.getRandomValues(new Uint8Array(count))): string {
  return Array.from(randomBytes(24), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** An api problem with no field of its own to sit beside ("you cannot disable yourself"), as a sentence. */
export const sentence = (problem: string) => problem.charAt(0).toUpperCase() + problem.slice(1);
