/**
 * Writes the demo's three years of history into a database, as the catalogue is written
 * (../catalogue/load.ts): deterministic ids, ON CONFLICT DO NOTHING, so a rerun adds nothing.
 */
import type { DataSource } from 'typeorm';
import { supplySnapshotInserts } from '@app/persistence';
import { claCalibration, readOfstedProviders } from '@app/reference-data';
import { buildHistoryPlan } from './plan';
import { HISTORY_KEY_PREFIX, NO_SIGN_IN, type HistoryDistrict, type HistoryPlan, type HistoryRowKind } from './types';
import { ALLIANCE_LA_CODES, type DemoPlan, type LaInput } from '../catalogue/types';
import { column, insertProviders, insertSettings, type Queryable } from '../catalogue/load';

/** London local time `YYYY-MM-DD HH:MM:SS` as a timestamptz. */
const LONDON = (value: string) => `(${value}::timestamp AT TIME ZONE 'Europe/London')`;
/** The calendar day in England of a timestamp with time zone. */
const LONDON_DAY = (value: string) => `(${value} AT TIME ZONE 'Europe/London')::date`;

export interface HistoryResult {
  plan: HistoryPlan;
  /** True if the history was there already (anchored on an earlier day) and this run only topped it up. */
  existing: boolean;
  /** Rows added by this run, per table. */
  added: Record<HistoryRowKind | 'supplySnapshots' | 'supplyNeedSnapshots', number>;
}

/**
 * Loads the history for the catalogue: built and written in one transaction. It is anchored on the
 * day it was first loaded (read back from the referrals' idempotency keys), so a rerun on a later
 * day rebuilds the same plan and adds nothing; `today` anchors a first load.
 */
export async function loadHistory(
  dataSource: DataSource,
  options: { catalogue: DemoPlan; today: string; localAuthorities: LaInput[]; districts: HistoryDistrict[] },
): Promise<HistoryResult> {
  const [stored]: { anchor: string }[] = await dataSource.query(
    `SELECT split_part(idempotency_key, ':', 2) AS anchor FROM referrals
      WHERE idempotency_key LIKE $1 AND local_authority_code = ANY($2::varchar[]) LIMIT 1`,
    [`${HISTORY_KEY_PREFIX}%`, [...ALLIANCE_LA_CODES]],
  );
  const anchor = stored?.anchor && /^\d{4}-\d{2}-\d{2}$/.test(stored.anchor) ? stored.anchor : options.today;
  const plan = buildHistoryPlan({
    anchor,
    localAuthorities: options.localAuthorities,
    districts: options.districts,
    ofsted: readOfstedProviders(),
    catalogue: options.catalogue,
    calibrations: ALLIANCE_LA_CODES.map((code) => claCalibration(code)),
  });
  const added = await dataSource.transaction((manager) => writeHistory(manager, plan));
  return { plan, existing: !!stored, added };
}

async function writeHistory(db: Queryable, plan: HistoryPlan): Promise<HistoryResult['added']> {
  const inserted = async (sql: string, params: unknown[]) => ((await db.query(sql, params)) as unknown[]).length;
  const providers = await insertProviders(db, plan.providers);
  const settings = await insertSettings(db, plan.settings);
  const u = plan.users;
  const users = await inserted(
    `INSERT INTO users (id, email, password_hash, role, local_authority_code, provider_id)
     SELECT u.id, u.email, $6, u.role, u.la, u.provider_id
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::varchar[], $5::uuid[]) AS u(id, email, role, la, provider_id)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [column(u, 'id'), column(u, 'email'), column(u, 'role'), column(u, 'localAuthorityCode'), column(u, 'providerId'), NO_SIGN_IN],
  );
  // Their names and numbers, on loads from before users had them too; only where they differ, so a rerun writes nothing.
  await db.query(
    `UPDATE users SET display_name = t.name, phone = t.phone
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, name, phone)
      WHERE users.id = t.id AND (users.display_name IS DISTINCT FROM t.name OR users.phone IS DISTINCT FROM t.phone)`,
    [column(u, 'id'), column(u, 'displayName'), column(u, 'phone')],
  );
  const c = plan.children;
  const children = await inserted(
    `INSERT INTO children (id, local_authority_code, local_reference, date_of_birth, gender, home_postcode, home_district,
                           legal_status, category_of_need, needs, sibling_group_size, ehcp, created_at)
     SELECT u.id, u.la, u.ref, u.dob, u.gender, u.postcode, u.district, u.legal, u.need, u.needs, u.siblings, u.ehcp,
            ${LONDON('u.created_at')}
       FROM unnest($1::uuid[], $2::varchar[], $3::text[], $4::date[], $5::text[], $6::varchar[], $7::varchar[],
                   $8::varchar[], $9::varchar[], $10::jsonb[], $11::smallint[], $12::boolean[], $13::text[])
         AS u(id, la, ref, dob, gender, postcode, district, legal, need, needs, siblings, ehcp, created_at)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      column(c, 'id'),
      column(c, 'localAuthorityCode'),
      column(c, 'localReference'),
      column(c, 'dateOfBirth'),
      column(c, 'gender'),
      column(c, 'homePostcode'),
      column(c, 'homeDistrict'),
      column(c, 'legalStatus'),
      column(c, 'categoryOfNeed'),
      c.map((child) => JSON.stringify(child.needs)),
      column(c, 'siblingGroupSize'),
      column(c, 'ehcp'),
      column(c, 'createdAt'),
    ],
  );
  const r = plan.referrals;
  const referrals = await inserted(
    `INSERT INTO referrals (id, child_id, local_authority_code, created_by_user_id, idempotency_key, request_hash, urgency,
                            required_by, placement_types, max_distance_miles, weekly_budget, status, follows_referral_id,
                            placement_id, created_at, shortlisted_at, matched_at, updated_at)
     SELECT u.id, u.child_id, u.la, u.user_id, u.key, u.hash, u.urgency, u.required_by, string_to_array(u.types, ','),
            u.max_miles, u.budget, u.status, u.follows, u.placement_id, ${LONDON('u.created_at')},
            ${LONDON('u.matched_at')}, ${LONDON('u.matched_at')}, ${LONDON('u.updated_at')}
       FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::date[],
                   $9::text[], $10::int[], $11::int[], $12::text[], $13::uuid[], $14::uuid[], $15::text[], $16::text[],
                   $17::text[])
         AS u(id, child_id, la, user_id, key, hash, urgency, required_by, types, max_miles, budget, status, follows,
              placement_id, created_at, matched_at, updated_at)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [
      column(r, 'id'),
      column(r, 'childId'),
      column(r, 'localAuthorityCode'),
      column(r, 'createdByUserId'),
      column(r, 'idempotencyKey'),
      column(r, 'requestHash'),
      column(r, 'urgency'),
      column(r, 'requiredBy'),
      r.map((referral) => referral.placementTypes.join(',')),
      column(r, 'maxDistanceMiles'),
      column(r, 'weeklyBudget'),
      column(r, 'status'),
      column(r, 'followsReferralId'),
      column(r, 'placementId'),
      column(r, 'createdAt'),
      column(r, 'matchedAt'),
      column(r, 'updatedAt'),
    ],
  );
  const v = plan.vacancies;
  // Filled: each was advertised, offered and taken by the placement it belongs to.
  const vacancies = await inserted(
    `INSERT INTO vacancies (id, setting_id, provider_id, beds, available_from, weekly_cost, emergency_ready, status,
                            created_at, updated_at)
     SELECT u.id, u.setting_id, u.provider_id, 0, u.available_from, u.weekly_cost, u.emergency_ready, 'filled',
            ${LONDON('u.created_at')}, ${LONDON('u.updated_at')}
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::int[], $6::boolean[], $7::text[], $8::text[])
         AS u(id, setting_id, provider_id, available_from, weekly_cost, emergency_ready, created_at, updated_at)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      column(v, 'id'),
      column(v, 'settingId'),
      column(v, 'providerId'),
      column(v, 'availableFrom'),
      column(v, 'weeklyCost'),
      column(v, 'emergencyReady'),
      column(v, 'createdAt'),
      column(v, 'updatedAt'),
    ],
  );
  const o = plan.offers;
  const offers = await inserted(
    `INSERT INTO offers (id, referral_id, vacancy_id, provider_id, weekly_cost, status, created_by_user_id, created_at, updated_at)
     SELECT u.id, u.referral_id, u.vacancy_id, u.provider_id, u.weekly_cost, 'accepted', u.user_id,
            ${LONDON('u.created_at')}, ${LONDON('u.updated_at')}
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::uuid[], $7::text[], $8::text[])
         AS u(id, referral_id, vacancy_id, provider_id, weekly_cost, user_id, created_at, updated_at)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      column(o, 'id'),
      column(o, 'referralId'),
      column(o, 'vacancyId'),
      column(o, 'providerId'),
      column(o, 'weeklyCost'),
      column(o, 'createdByUserId'),
      column(o, 'createdAt'),
      column(o, 'updatedAt'),
    ],
  );
  const p = plan.placements;
  const placements = await inserted(
    `INSERT INTO placements (id, referral_id, offer_id, vacancy_id, setting_id, provider_id, local_authority_code, start_date,
                             weekly_cost, beds_taken, ended_on, end_reason, planned_ending, created_at, updated_at)
     SELECT u.id, u.referral_id, u.offer_id, u.vacancy_id, u.setting_id, u.provider_id, u.la, u.start_date, u.weekly_cost,
            u.beds, u.ended_on, u.end_reason, u.planned, ${LONDON('u.created_at')}, ${LONDON('u.updated_at')}
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::varchar[], $8::date[],
                   $9::int[], $10::smallint[], $11::date[], $12::varchar[], $13::boolean[], $14::text[], $15::text[])
         AS u(id, referral_id, offer_id, vacancy_id, setting_id, provider_id, la, start_date, weekly_cost, beds, ended_on,
              end_reason, planned, created_at, updated_at)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [
      column(p, 'id'),
      column(p, 'referralId'),
      column(p, 'offerId'),
      column(p, 'vacancyId'),
      column(p, 'settingId'),
      column(p, 'providerId'),
      column(p, 'localAuthorityCode'),
      column(p, 'startDate'),
      column(p, 'weeklyCost'),
      column(p, 'bedsTaken'),
      column(p, 'endedOn'),
      column(p, 'endReason'),
      column(p, 'plannedEnding'),
      column(p, 'createdAt'),
      column(p, 'updatedAt'),
    ],
  );
  const sl = plan.shortlistings;
  const shortlistings = await inserted(
    `INSERT INTO referral_shortlistings (referral_id, provider_id, first_shortlisted_at)
     SELECT u.referral_id, u.provider_id, ${LONDON('u.at')}
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS u(referral_id, provider_id, at)
     ON CONFLICT DO NOTHING
     RETURNING referral_id`,
    [column(sl, 'referralId'), column(sl, 'providerId'), column(sl, 'firstShortlistedAt')],
  );
  // Sent automatically (no officer) as each was shortlisted; vacancy ids travel comma-joined, as
  // Postgres has no arrays of arrays of differing lengths.
  const rc = plan.recipients;
  const recipients = await inserted(
    `INSERT INTO referral_recipients (referral_id, provider_id, sent_at, sent_by_user_id, vacancy_ids, best_rank)
     SELECT u.referral_id, u.provider_id, ${LONDON('u.at')}, NULL, coalesce(string_to_array(nullif(u.vacancy_ids, ''), ',')::uuid[], '{}'), u.rank
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::smallint[]) AS u(referral_id, provider_id, at, vacancy_ids, rank)
     ON CONFLICT DO NOTHING
     RETURNING referral_id`,
    [column(rc, 'referralId'), column(rc, 'providerId'), column(rc, 'sentAt'), rc.map((r) => r.vacancyIds.join(',')), column(rc, 'bestRank')],
  );
  const oc = plan.outcomes;
  const outcomes = await inserted(
    `INSERT INTO placement_outcomes (id, placement_id, kind, description, target_date, status, created_by_user_id, created_at, updated_at)
     SELECT u.id, u.placement_id, u.kind, u.description, u.target_date, u.status, u.user_id, ${LONDON('u.created_at')}, ${LONDON('u.updated_at')}
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::uuid[], $8::text[], $9::text[])
         AS u(id, placement_id, kind, description, target_date, status, user_id, created_at, updated_at)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      column(oc, 'id'),
      column(oc, 'placementId'),
      column(oc, 'kind'),
      column(oc, 'description'),
      column(oc, 'targetDate'),
      column(oc, 'status'),
      column(oc, 'createdByUserId'),
      column(oc, 'createdAt'),
      column(oc, 'updatedAt'),
    ],
  );
  const ou = plan.outcomeUpdates;
  const outcomeUpdates = await inserted(
    `INSERT INTO outcome_updates (id, outcome_id, status, note, recorded_by_user_id, recorded_by_role, recorded_at)
     SELECT u.id, u.outcome_id, u.status, u.note, u.user_id, u.role, ${LONDON('u.recorded_at')}
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[])
         AS u(id, outcome_id, status, note, user_id, role, recorded_at)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      column(ou, 'id'),
      column(ou, 'outcomeId'),
      column(ou, 'status'),
      column(ou, 'note'),
      column(ou, 'recordedByUserId'),
      column(ou, 'recordedByRole'),
      column(ou, 'recordedAt'),
    ],
  );
  const supply = await writeSupplyHistory(db, plan);
  return { users, providers, settings, children, referrals, vacancies, offers, placements, shortlistings, recipients, outcomes, outcomeUpdates, ...supply };
}

/**
 * The nightly supply snapshots the worker would have written over the history, from the history's
 * vacancies: each was open from its first available day to the day before it was taken (its
 * acceptance, after which that night's snapshot found it filled), with the beds its placement took.
 * Written by the statements the worker's snapshot uses, for the days before the anchor; a rerun
 * adds nothing.
 */
async function writeSupplyHistory(db: Queryable, plan: HistoryPlan): Promise<{ supplySnapshots: number; supplyNeedSnapshots: number }> {
  const lastDay = new Date(Date.parse(plan.anchor) - 86_400_000).toISOString().slice(0, 10);
  const { byRange, byNeed } = supplySnapshotInserts(`
    SELECT d::date AS day, v.setting_id, v.emergency_ready, p.beds_taken AS beds
      FROM vacancies v
      JOIN placements p ON p.vacancy_id = v.id
     CROSS JOIN LATERAL generate_series(greatest(v.available_from, $2::date),
                                        least(${LONDON_DAY('v.updated_at')} - 1, $3::date), interval '1 day') d
     WHERE v.id = ANY($1::uuid[])`);
  const params = [column(plan.vacancies, 'id'), plan.from, lastDay];
  const rows: unknown[] = await db.query(byRange, params);
  const needRows: unknown[] = await db.query(byNeed, params);
  return { supplySnapshots: rows.length, supplyNeedSnapshots: needRows.length };
}
