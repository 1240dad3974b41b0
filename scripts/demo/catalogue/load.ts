/**
 * Writes the demo's catalogue into a database: the alliance, providers, settings and vacancies. Every
 * row has a deterministic id and goes in with ON CONFLICT DO NOTHING, many rows per statement (unnest
 * of arrays), so a rerun adds nothing. Shared by the seeder (seed-demo.ts), the history's load and the tests.
 */
import type { EntityManager } from 'typeorm';
import { applyOfstedRegister, ofstedRegisterEntries } from '@app/persistence';
import { readPostcodeDistricts } from '@app/reference-data';
import type { HistoryDistrict } from '../history/types';
import {
  ALLIANCE_NAME,
  type DemoPlan,
  type LaInput,
  type PlannedProvider,
  type PlannedSetting,
  type PlannedVacancy,
} from './types';

export type Queryable = Pick<EntityManager, 'query'>;

export const column = <T, K extends keyof T>(rows: readonly T[], key: K) => rows.map((row) => row[key]);

/** What the plans are built from: the LAs and postcode districts as the database holds them. */
export async function readPlanInputs(db: Queryable): Promise<{ localAuthorities: LaInput[]; districts: HistoryDistrict[] }> {
  const localAuthorities: LaInput[] = await db.query(`SELECT code, name, latitude, longitude FROM local_authorities ORDER BY code`);
  const rows: Omit<HistoryDistrict, 'active' | 'activePostcodes'>[] = await db.query(
    `SELECT district, latitude, longitude, local_authority_code AS "localAuthorityCode" FROM postcode_districts ORDER BY district`,
  );
  // The table does not keep the count of live postcodes: it comes from the shipped CSV.
  let live: Map<string, number> | null = null;
  try {
    live = new Map(readPostcodeDistricts().map((d) => [d.district, d.activePostcodes]));
  } catch {
    live = null;
  }
  const districts = rows.map((row) => {
    const activePostcodes = live ? (live.get(row.district) ?? 0) : 1;
    return { ...row, active: activePostcodes > 0, activePostcodes };
  });
  return { localAuthorities, districts };
}

export async function insertProviders(db: Queryable, providers: readonly PlannedProvider[]): Promise<number> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO providers (id, name, sector, ofsted_urn)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::varchar[])
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [column(providers, 'id'), column(providers, 'name'), column(providers, 'sector'), column(providers, 'ofstedUrn')],
  );
  return rows.length;
}

export async function insertSettings(db: Queryable, s: readonly PlannedSetting[]): Promise<number> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO settings
       (id, provider_id, name, placement_type, ofsted_urn, ofsted_grade, postcode, postcode_district,
        local_authority_code, latitude, longitude, registered_places, age_min, age_max, genders,
        needs_supported, needs_excluded)
     SELECT u.id, u.provider_id, u.name, u.placement_type, u.ofsted_urn, u.ofsted_grade, u.postcode,
            u.postcode_district, u.local_authority_code, u.latitude, u.longitude, u.registered_places,
            u.age_min, u.age_max, string_to_array(u.genders, ','), u.needs_supported,
            coalesce(string_to_array(nullif(u.needs_excluded, ''), ','), '{}'::text[])
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::varchar[], $5::varchar[], $6::text[],
                 $7::varchar[], $8::varchar[], $9::varchar[], $10::float8[], $11::float8[], $12::int[],
                 $13::smallint[], $14::smallint[], $15::text[], $16::jsonb[], $17::text[])
       AS u(id, provider_id, name, placement_type, ofsted_urn, ofsted_grade, postcode, postcode_district,
            local_authority_code, latitude, longitude, registered_places, age_min, age_max, genders,
            needs_supported, needs_excluded)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      column(s, 'id'),
      column(s, 'providerId'),
      column(s, 'name'),
      column(s, 'placementType'),
      column(s, 'ofstedUrn'),
      column(s, 'ofstedGrade'),
      column(s, 'postcode'),
      column(s, 'postcodeDistrict'),
      column(s, 'localAuthorityCode'),
      column(s, 'latitude'),
      column(s, 'longitude'),
      column(s, 'registeredPlaces'),
      column(s, 'ageMin'),
      column(s, 'ageMax'),
      s.map((setting) => setting.genders.join(',')),
      s.map((setting) => JSON.stringify(setting.needsSupported)),
      s.map((setting) => setting.needsExcluded.join(',')),
    ],
  );
  return rows.length;
}

export async function insertVacancies(db: Queryable, v: readonly PlannedVacancy[]): Promise<number> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO vacancies
       (id, setting_id, provider_id, beds, available_from, available_until, weekly_cost, emergency_ready,
        reserved_for, status)
     SELECT u.id, u.setting_id, u.provider_id, u.beds, u.available_from, u.available_until, u.weekly_cost,
            u.emergency_ready, u.reserved_for, 'open'
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::date[], $6::date[], $7::int[],
                 $8::boolean[], $9::jsonb[])
       AS u(id, setting_id, provider_id, beds, available_from, available_until, weekly_cost, emergency_ready,
            reserved_for)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      column(v, 'id'),
      column(v, 'settingId'),
      column(v, 'providerId'),
      column(v, 'beds'),
      column(v, 'availableFrom'),
      column(v, 'availableUntil'),
      column(v, 'weeklyCost'),
      column(v, 'emergencyReady'),
      v.map((vacancy) => (vacancy.reservedFor ? JSON.stringify(vacancy.reservedFor) : null)),
    ],
  );
  return rows.length;
}

export interface CatalogueResult {
  allianceId: string;
  providers: number;
  settings: number;
  vacancies: number;
}

/** The alliance and its boroughs, providers, settings and open vacancies; counts are of new rows. */
export async function loadCatalogue(db: Queryable, plan: DemoPlan): Promise<CatalogueResult> {
  const [alliance]: { id: string }[] = await db.query(
    `INSERT INTO alliances (name) VALUES ($1)
     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
     RETURNING id`,
    [ALLIANCE_NAME],
  );
  await db.query(
    `INSERT INTO alliance_members (alliance_id, local_authority_code)
     SELECT $1, code FROM unnest($2::varchar[]) AS code
     ON CONFLICT DO NOTHING`,
    [alliance.id, plan.allianceLaCodes],
  );
  const providers = await insertProviders(db, plan.providers);
  const settings = await insertSettings(db, plan.settings);
  // The catalogue's homes are the register's: their grades are verified, as the api would store them.
  await applyOfstedRegister(db, ofstedRegisterEntries());
  const vacancies = await insertVacancies(db, plan.vacancies);
  return { allianceId: alliance.id, providers, settings, vacancies };
}
