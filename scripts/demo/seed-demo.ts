/**
 * `npm run seed:demo`: loads the West London Alliance demo into DATABASE_URL. Run after
 * `npm run migrate`. Idempotent: every demo row has a deterministic id (UUID v5) and is inserted
 * with ON CONFLICT DO NOTHING, so a rerun adds nothing and changes nothing but the demo users'
 * bindings and passwords (upserted by email).
 *
 *   - the alliance and its nine boroughs;
 *   - real Ofsted-registered providers (children's homes, fostering agencies, residential special
 *     schools, secure homes) of the LAs within 25 miles of the alliance, with settings, and open
 *     vacancies on a fraction of them;
 *   - one demo user per role; passwords from DEMO_PASSWORD or generated into .demo/credentials.json.
 *
 * Contains public sector information licensed under the Open Government Licence v3.0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import { parse } from 'csv-parse/sync';
import type { EntityManager } from 'typeorm';
// The data source alone: the package index also loads the Nest modules, whose config needs the api's env.
import { createDataSource } from '../../libs/persistence/src/data-source';
import { readOfstedProviders, referenceDataDirectory } from '@app/reference-data';
import { demoPasswords } from './demo-credentials';
import {
  ALLIANCE_LA_CODES,
  ALLIANCE_NAME,
  buildDemoPlan,
  DEMO_RADIUS_MILES,
  type DemoPlan,
  type DistrictInput,
  type LaInput,
} from './demo-plan';
import { todayInLondon } from './deterministic';

const EMAIL_DOMAIN = 'demo.placements.local';

type DemoRole = 'placement_officer' | 'provider_user' | 'commissioner' | 'admin';

interface DemoUser {
  email: string;
  role: DemoRole;
  localAuthorityCode: string | null;
  providerId: string | null;
  /** Set once the alliance's id is known. */
  useAlliance: boolean;
  label: string;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** District codes with live postcodes, from the shipped CSV (the table does not keep the count). */
function liveDistricts(): Set<string> | null {
  try {
    const text = readFileSync(join(referenceDataDirectory(), 'postcode-districts.csv'), 'utf8');
    const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
    return new Set(
      rows.filter((row) => Number(row.active_postcodes) > 0).map((row) => row.outcode.toUpperCase()),
    );
  } catch {
    return null;
  }
}

const column = <T, K extends keyof T>(rows: T[], key: K) => rows.map((row) => row[key]);

async function insertProviders(manager: EntityManager, plan: DemoPlan): Promise<number> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO providers (id, name, sector, ofsted_urn)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::varchar[])
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      column(plan.providers, 'id'),
      column(plan.providers, 'name'),
      column(plan.providers, 'sector'),
      column(plan.providers, 'ofstedUrn'),
    ],
  );
  return rows.length;
}

async function insertSettings(manager: EntityManager, plan: DemoPlan): Promise<number> {
  const s = plan.settings;
  const rows: { id: string }[] = await manager.query(
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

async function insertVacancies(manager: EntityManager, plan: DemoPlan): Promise<number> {
  const v = plan.vacancies;
  const rows: { id: string }[] = await manager.query(
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

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) fail('Invalid configuration: DATABASE_URL must be a postgres:// URL');

  const started = Date.now();
  const passwords = demoPasswords();
  const dataSource = createDataSource({ url, poolSize: 2, applicationName: 'seed-demo' });
  await dataSource.initialize();
  try {
    const localAuthorities: LaInput[] = await dataSource.query(
      `SELECT code, name, latitude, longitude FROM local_authorities ORDER BY code`,
    );
    if (localAuthorities.length === 0) fail('No local authorities in the database: run `npm run migrate` first.');
    const live = liveDistricts();
    const districtRows: Omit<DistrictInput, 'active'>[] = await dataSource.query(
      `SELECT district, latitude, longitude, local_authority_code AS "localAuthorityCode"
       FROM postcode_districts ORDER BY district`,
    );
    const districts: DistrictInput[] = districtRows.map((row) => ({
      ...row,
      active: live ? live.has(row.district) : true,
    }));

    const plan = buildDemoPlan({
      localAuthorities,
      districts,
      ofsted: readOfstedProviders(),
      today: todayInLondon(),
    });
    const providerUserProvider = plan.providers.find((p) => p.id === plan.providerUserProviderId)!;
    const laName = new Map(localAuthorities.map((la) => [la.code, la.name]));

    const users: DemoUser[] = [
      {
        email: `officer.ealing@${EMAIL_DOMAIN}`,
        role: 'placement_officer',
        localAuthorityCode: 'E09000009',
        providerId: null,
        useAlliance: false,
        label: `${laName.get('E09000009')} (E09000009)`,
      },
      {
        email: `officer.brent@${EMAIL_DOMAIN}`,
        role: 'placement_officer',
        localAuthorityCode: 'E09000005',
        providerId: null,
        useAlliance: false,
        label: `${laName.get('E09000005')} (E09000005)`,
      },
      {
        email: `provider@${EMAIL_DOMAIN}`,
        role: 'provider_user',
        localAuthorityCode: null,
        providerId: providerUserProvider.id,
        useAlliance: false,
        label: `${providerUserProvider.name} (${providerUserProvider.id})`,
      },
      {
        email: `commissioner@${EMAIL_DOMAIN}`,
        role: 'commissioner',
        localAuthorityCode: null,
        providerId: null,
        useAlliance: true,
        label: ALLIANCE_NAME,
      },
      {
        email: `admin@${EMAIL_DOMAIN}`,
        role: 'admin',
        localAuthorityCode: null,
        providerId: null,
        useAlliance: false,
        label: 'platform',
      },
    ];

    // Reuse a stored hash when it still matches, so a rerun does not churn the users table.
    const existing: { email: string; password_hash: string }[] = await dataSource.query(
      `SELECT email, password_hash FROM users WHERE email = ANY($1::text[])`,
      [users.map((u) => u.email)],
    );
    const existingHash = new Map(existing.map((row) => [row.email, row.password_hash]));
    const hashes = new Map<string, string>();
    for (const user of users) {
      const password = passwords.passwordFor(user.email);
      const current = existingHash.get(user.email);
      let matches = false;
      if (current) {
        try {
          matches = await argon2.verify(current, password);
        } catch {
          matches = false;
        }
      }
      hashes.set(user.email, matches ? current! : await argon2.hash(password, { type: argon2.argon2id }));
    }
    // Keep the passwords before writing their hashes, so a crash never leaves unknown passwords.
    passwords.save();

    const inserted = await dataSource.transaction(async (manager) => {
      const [alliance]: { id: string }[] = await manager.query(
        `INSERT INTO alliances (name) VALUES ($1)
         ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
         RETURNING id`,
        [ALLIANCE_NAME],
      );
      await manager.query(
        `INSERT INTO alliance_members (alliance_id, local_authority_code)
         SELECT $1, code FROM unnest($2::varchar[]) AS code
         ON CONFLICT DO NOTHING`,
        [alliance.id, plan.allianceLaCodes],
      );
      const providers = await insertProviders(manager, plan);
      const settings = await insertSettings(manager, plan);
      const vacancies = await insertVacancies(manager, plan);
      await manager.query(
        `INSERT INTO users (email, password_hash, role, local_authority_code, provider_id, alliance_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::varchar[], $5::uuid[], $6::uuid[])
         ON CONFLICT (email) DO UPDATE SET
           password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
           local_authority_code = EXCLUDED.local_authority_code, provider_id = EXCLUDED.provider_id,
           alliance_id = EXCLUDED.alliance_id`,
        [
          users.map((u) => u.email),
          users.map((u) => hashes.get(u.email)!),
          users.map((u) => u.role),
          users.map((u) => u.localAuthorityCode),
          users.map((u) => u.providerId),
          users.map((u) => (u.useAlliance ? alliance.id : null)),
        ],
      );
      return { allianceId: alliance.id, providers, settings, vacancies };
    });

    const [counts] = await dataSource.query(
      `SELECT
         (SELECT count(*) FROM providers WHERE id = ANY($1::uuid[]))::int AS providers,
         (SELECT count(*) FROM settings WHERE id = ANY($2::uuid[]))::int AS settings,
         (SELECT count(*) FROM vacancies WHERE id = ANY($3::uuid[]))::int AS vacancies,
         (SELECT count(*) FROM vacancies WHERE id = ANY($3::uuid[]) AND status = 'open')::int AS "openVacancies",
         (SELECT count(*) FROM vacancies WHERE id = ANY($3::uuid[]) AND emergency_ready)::int AS "emergencyReady",
         (SELECT count(*) FROM vacancies WHERE id = ANY($3::uuid[]) AND reserved_for IS NOT NULL)::int AS reserved,
         (SELECT count(*) FROM users WHERE email = ANY($4::text[]))::int AS users`,
      [
        plan.providers.map((p) => p.id),
        plan.settings.map((s) => s.id),
        plan.vacancies.map((v) => v.id),
        users.map((u) => u.email),
      ],
    );
    const byType = new Map<string, number>();
    for (const setting of plan.settings) byType.set(setting.placementType, (byType.get(setting.placementType) ?? 0) + 1);
    const typeSummary = [...byType.entries()]
      .sort()
      .map(([type, n]) => `${type} ${n}`)
      .join(', ');

    const lines = [
      `Demo data: ${ALLIANCE_NAME} (${inserted.allianceId}), ${ALLIANCE_LA_CODES.length} boroughs; ` +
        `providers from ${plan.catchmentLaCodes.length} LAs within ${DEMO_RADIUS_MILES} miles.`,
      `  providers: ${counts.providers} (${inserted.providers} new)`,
      `  settings:  ${counts.settings} (${inserted.settings} new; ${typeSummary})`,
      `  vacancies: ${counts.vacancies} (${inserted.vacancies} new; ${counts.openVacancies} open, ` +
        `${counts.emergencyReady} emergency-ready, ${counts.reserved} reserved)`,
      `  users:     ${counts.users} (upserted)`,
      `Done in ${((Date.now() - started) / 1000).toFixed(1)}s.`,
      '',
      `Demo logins (passwords ${passwords.describe()}):`,
      ...users.map(
        (u) =>
          `  ${u.role.padEnd(18)} ${u.email.padEnd(40)} ${passwords.passwordFor(u.email)}   ${u.label}`,
      ),
    ];
    console.log(lines.join('\n'));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
