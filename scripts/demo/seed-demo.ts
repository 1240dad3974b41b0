/**
 * `npm run seed:demo`: loads the West London Alliance demo into DATABASE_URL. Run after
 * `npm run migrate`. Idempotent: every demo row has a deterministic id (UUID v5) and is inserted
 * with ON CONFLICT DO NOTHING, so a rerun adds nothing and changes nothing but the demo users'
 * bindings, names, phones and passwords (upserted by email).
 *
 *   - the alliance and its nine boroughs;
 *   - real Ofsted-registered providers (children's homes, fostering agencies, residential special
 *     schools, secure homes) of the LAs within 25 miles of the alliance, with settings, and open
 *     vacancies on a fraction of them;
 *   - one demo user per role, with a display name and a work phone number from Ofcom's ranges for
 *     drama (020 7946 0xxx, 07700 900xxx), so nobody real is ever rung; passwords from DEMO_PASSWORD
 *     or generated into .demo/credentials.json;
 *   - three years of history (demo-history.ts), calibrated on the DfE's children looked after
 *     figures for the nine boroughs: children, referrals, accepted offers, placements and their
 *     endings. Anchored on the day it is first loaded; DEMO_SKIP_HISTORY=1 leaves it out.
 *
 * Contains public sector information licensed under the Open Government Licence v3.0.
 */
import * as argon2 from 'argon2';
import { todayInEngland } from '@app/domain';
import { createDataSource } from '@app/persistence';
import { readOfstedProviders } from '@app/reference-data';
import { demoPasswords } from './demo-credentials';
import { HISTORY_MONTHS } from './history/types';
import { loadCatalogue, readPlanInputs } from './catalogue/load';
import { loadHistory } from './history/load';
import { buildDemoPlan } from './catalogue/plan';
import { ALLIANCE_LA_CODES, ALLIANCE_NAME, DEMO_RADIUS_MILES } from './catalogue/types';

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
  /** Shown to others: a provider receiving a child sees its placing officer's name and phone. */
  displayName: string;
  phone: string;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) fail('Invalid configuration: DATABASE_URL must be a postgres:// URL');

  const started = Date.now();
  const passwords = demoPasswords();
  const dataSource = createDataSource({ url, poolSize: 2, applicationName: 'seed-demo' });
  await dataSource.initialize();
  try {
    const { localAuthorities, districts } = await readPlanInputs(dataSource);
    if (localAuthorities.length === 0) fail('No local authorities in the database: run `npm run migrate` first.');
    const today = todayInEngland();
    const plan = buildDemoPlan({ localAuthorities, districts, ofsted: readOfstedProviders(), today });
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
        displayName: 'Priya Sharma',
        phone: '020 7946 0312',
      },
      {
        email: `officer.brent@${EMAIL_DOMAIN}`,
        role: 'placement_officer',
        localAuthorityCode: 'E09000005',
        providerId: null,
        useAlliance: false,
        label: `${laName.get('E09000005')} (E09000005)`,
        displayName: 'Daniel Okafor',
        phone: '020 7946 0548',
      },
      {
        email: `provider@${EMAIL_DOMAIN}`,
        role: 'provider_user',
        localAuthorityCode: null,
        providerId: providerUserProvider.id,
        useAlliance: false,
        label: `${providerUserProvider.name} (${providerUserProvider.id})`,
        displayName: 'Sarah Whitfield',
        phone: '07700 900417',
      },
      {
        email: `commissioner@${EMAIL_DOMAIN}`,
        role: 'commissioner',
        localAuthorityCode: null,
        providerId: null,
        useAlliance: true,
        label: ALLIANCE_NAME,
        displayName: 'Helen Marsh',
        phone: '020 7946 0771',
      },
      {
        email: `admin@${EMAIL_DOMAIN}`,
        role: 'admin',
        localAuthorityCode: null,
        providerId: null,
        useAlliance: false,
        label: 'platform',
        displayName: 'Tom Reeves',
        phone: '020 7946 0905',
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
      const { allianceId, providers, settings, vacancies } = await loadCatalogue(manager, plan);
      await manager.query(
        `INSERT INTO users (email, password_hash, role, local_authority_code, provider_id, alliance_id, display_name, phone)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::varchar[], $5::uuid[], $6::uuid[], $7::text[], $8::text[])
         ON CONFLICT (email) DO UPDATE SET
           password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
           local_authority_code = EXCLUDED.local_authority_code, provider_id = EXCLUDED.provider_id,
           alliance_id = EXCLUDED.alliance_id, display_name = EXCLUDED.display_name, phone = EXCLUDED.phone`,
        [
          users.map((u) => u.email),
          users.map((u) => hashes.get(u.email)!),
          users.map((u) => u.role),
          users.map((u) => u.localAuthorityCode),
          users.map((u) => u.providerId),
          users.map((u) => (u.useAlliance ? allianceId : null)),
          users.map((u) => u.displayName),
          users.map((u) => u.phone),
        ],
      );
      return { allianceId, providers, settings, vacancies };
    });

    const history =
      process.env.DEMO_SKIP_HISTORY === '1'
        ? null
        : await loadHistory(dataSource, { catalogue: plan, today, localAuthorities, districts });

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
      ...historySummary(history),
      `Done in ${((Date.now() - started) / 1000).toFixed(1)}s.`,
      '',
      `Demo logins (passwords ${passwords.describe()}):`,
      ...users.map(
        (u) =>
          `  ${u.role.padEnd(18)} ${u.email.padEnd(40)} ${passwords.passwordFor(u.email)}   ${u.displayName}, ${u.label}`,
      ),
    ];
    console.log(lines.join('\n'));
  } finally {
    await dataSource.destroy();
  }
}

function historySummary(history: Awaited<ReturnType<typeof loadHistory>> | null): string[] {
  if (!history) return ['  history:   skipped (DEMO_SKIP_HISTORY=1)'];
  const { plan, added, existing } = history;
  const live = plan.placements.filter((p) => p.endedOn === null).length;
  const unplanned = plan.placements.filter((p) => p.plannedEnding === false).length;
  return [
    `  history:   ${HISTORY_MONTHS} months, ${plan.from} to ${plan.to}${existing ? ' (loaded before)' : ''}: ` +
      `${plan.children.length} children, ${plan.referrals.length} referrals, ${plan.placements.length} placements ` +
      `(${live} live, ${unplanned} ended unplanned); ${plan.settings.length} more settings; ` +
      `${Object.values(added).reduce((a, b) => a + b, 0)} rows new`,
  ];
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
