import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, DeepPartial } from 'typeorm';
import { todayInEngland } from '@app/domain';
import { AllianceEntity, ProviderEntity, SettingEntity, UserEntity, VacancyEntity } from '@app/persistence';
import type { NewReferral, SupplySource } from '@app/persistence';

/**
 * Rows for tests, written straight to the database with sensible defaults; pass only what the test
 * is about. Defaults place everything in Ealing (E09000009), postcode district UB1.
 */
export const TEST_LOCAL_AUTHORITY = 'E09000009';
export const TEST_DISTRICT = 'UB1';

let sequence = 0;
const unique = () => `${(sequence += 1)}-${randomUUID().slice(0, 8)}`;

export async function insertProvider(
  dataSource: DataSource,
  overrides: DeepPartial<ProviderEntity> = {},
): Promise<ProviderEntity> {
  return dataSource.getRepository(ProviderEntity).save({
    name: `Test Provider ${unique()}`,
    sector: 'private',
    ofstedUrn: null,
    ...overrides,
  });
}

/**
 * A setting of the provider. Its coordinates and LA come from the postcode district's reference
 * row, as the api derives them, unless the overrides give them.
 */
export async function insertSetting(
  dataSource: DataSource,
  providerId: string,
  overrides: DeepPartial<SettingEntity> = {},
): Promise<SettingEntity> {
  const district = overrides.postcodeDistrict ?? TEST_DISTRICT;
  const [place]: { latitude: number; longitude: number; localAuthorityCode: string | null }[] = await dataSource.query(
    `SELECT latitude, longitude, local_authority_code AS "localAuthorityCode" FROM postcode_districts WHERE district = $1`,
    [district],
  );
  if (!place) throw new Error(`postcode district ${district} is not in the reference data`);
  return dataSource.getRepository(SettingEntity).save({
    providerId,
    name: `Test Home ${unique()}`,
    placementType: 'K2',
    ofstedUrn: null,
    ofstedGrade: 'good',
    postcode: `${district} 1AA`,
    postcodeDistrict: district,
    localAuthorityCode: place.localAuthorityCode,
    latitude: place.latitude,
    longitude: place.longitude,
    registeredPlaces: 4,
    ageMin: 8,
    ageMax: 17,
    genders: ['female', 'male', 'other'],
    needsSupported: [],
    needsExcluded: [],
    ...overrides,
  });
}

/** An open vacancy in the setting from today; `beds: 0` makes it `filled`, as the repository would. */
export async function insertVacancy(
  dataSource: DataSource,
  setting: Pick<SettingEntity, 'id' | 'providerId'>,
  overrides: DeepPartial<VacancyEntity> = {},
): Promise<VacancyEntity> {
  const beds = overrides.beds ?? 1;
  return dataSource.getRepository(VacancyEntity).save({
    settingId: setting.id,
    providerId: setting.providerId,
    beds,
    availableFrom: todayInEngland(),
    availableUntil: null,
    weeklyCost: 5_000,
    emergencyReady: false,
    reservedFor: null,
    status: beds === 0 ? 'filled' : 'open',
    ...overrides,
  });
}

export async function insertAlliance(
  dataSource: DataSource,
  overrides: { name?: string; localAuthorityCodes?: string[] } = {},
): Promise<AllianceEntity> {
  const alliance = await dataSource
    .getRepository(AllianceEntity)
    .save({ name: overrides.name ?? `Test Alliance ${unique()}` });
  await dataSource.query(
    `INSERT INTO alliance_members (alliance_id, local_authority_code) SELECT $1, unnest($2::varchar[])`,
    [alliance.id, overrides.localAuthorityCodes ?? [TEST_LOCAL_AUTHORITY]],
  );
  return alliance;
}

/**
 * A user bound to the organisation its role needs: a placement officer of Ealing by default; a
 * provider user or commissioner gets a new provider or alliance unless one is given. The password
 * hash is a placeholder; pass a real one (argon2) for tests that sign in.
 */
export async function insertUser(
  dataSource: DataSource,
  overrides: DeepPartial<UserEntity> = {},
): Promise<UserEntity> {
  const role = overrides.role ?? 'placement_officer';
  const organisation = {
    localAuthorityCode: role === 'placement_officer' ? TEST_LOCAL_AUTHORITY : null,
    providerId: role === 'provider_user' && !overrides.providerId ? (await insertProvider(dataSource)).id : null,
    allianceId: role === 'commissioner' && !overrides.allianceId ? (await insertAlliance(dataSource)).id : null,
  };
  const email = (overrides.email ?? `user-${unique()}@example.test`).toLowerCase();
  return dataSource.getRepository(UserEntity).save({
    passwordHash: 'not-a-password-hash',
    ...organisation,
    ...overrides,
    role,
    email,
  });
}

/** Input for ReferralRepository.submit: a planned referral for a ten-year-old in Ealing. */
export function buildReferral(createdByUserId: string, overrides: Partial<NewReferral> = {}): NewReferral {
  const idempotencyKey = overrides.idempotencyKey ?? randomUUID();
  const requiredBy = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const tenYearsAgo = `${Number(todayInEngland().slice(0, 4)) - 10}-03-01`;
  return {
    localAuthorityCode: TEST_LOCAL_AUTHORITY,
    createdByUserId,
    idempotencyKey,
    requestHash: createHash('sha256').update(idempotencyKey).digest('hex'),
    urgency: 'planned',
    requiredBy,
    placementTypes: ['K2'],
    maxDistanceMiles: 50,
    weeklyBudget: 6_000,
    notes: null,
    ...overrides,
    child: {
      localReference: `CHILD-${unique()}`,
      dateOfBirth: tenYearsAgo,
      gender: 'female',
      homePostcode: `${TEST_DISTRICT} 1AA`,
      homeDistrict: TEST_DISTRICT,
      legalStatus: 'C2',
      categoryOfNeed: 'N1',
      needs: [],
      siblingGroupSize: 1,
      ehcp: false,
      preferences: null,
      ...overrides.child,
    },
  };
}

/** A sufficiency report's supply: the vacancies as they are now, counted as open on `day`. */
export const openOn = (day: string): SupplySource => ({ source: 'live', asOf: day });
