import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { matchJobFor } from '@app/jobs';
import { type ReferralStatus, WITHDRAWABLE } from '@app/domain';
import type { ChildNeed, ChildPreferences } from '../entities';
import { INSERT_OUTBOX, referralJobColumns } from './outbox-sql';
import { offerStatus, referralStatus } from './status-sql';

export interface NewReferral {
  localAuthorityCode: string;
  createdByUserId: string;
  idempotencyKey: string;
  requestHash: string;
  urgency: string;
  requiredBy: string;
  placementTypes: string[];
  maxDistanceMiles: number | null;
  weeklyBudget: number | null;
  notes: string | null;
  child: ChildRecord;
}

/** A child as a referral carries it: identifiable, for the owning LA's eyes only. */
export interface ChildRecord {
  localReference: string;
  dateOfBirth: string;
  gender: string;
  homePostcode: string;
  homeDistrict: string;
  legalStatus: string;
  categoryOfNeed: string;
  needs: ChildNeed[];
  siblingGroupSize: number;
  ehcp: boolean;
  preferences: ChildPreferences | null;
}

export interface ReferralSummary {
  id: string;
  status: ReferralStatus;
  urgency: string;
  createdAt: Date;
}

export type IntakeResult =
  | { outcome: 'created'; referral: ReferralSummary }
  | { outcome: 'replayed'; referral: ReferralSummary }
  | { outcome: 'key_reused' };

export interface ReferralDetail {
  id: string;
  status: ReferralStatus;
  urgency: string;
  requiredBy: string;
  placementTypes: string[];
  maxDistanceMiles: number | null;
  weeklyBudget: number | null;
  notes: string | null;
  localAuthorityCode: string;
  followsReferralId: string | null;
  shortlistedAt: Date | null;
  placementId: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** `homeLocation`: the home district's centroid, for a map; never the full postcode's point. */
  child: ChildRecord & { id: string; homeLocation: { latitude: number; longitude: number } | null };
}

export interface ReferralListFilter {
  localAuthorityCode: string;
  status?: ReferralStatus;
  urgency?: string;
  limit: number;
  offset: number;
}

const DETAIL = `
  SELECT r.id, r.status, r.urgency, to_char(r.required_by, 'YYYY-MM-DD') AS "requiredBy",
         r.placement_types AS "placementTypes", r.max_distance_miles AS "maxDistanceMiles",
         r.weekly_budget AS "weeklyBudget", r.notes, r.local_authority_code AS "localAuthorityCode",
         r.follows_referral_id AS "followsReferralId", r.shortlisted_at AS "shortlistedAt",
         r.placement_id AS "placementId", r.created_at AS "createdAt", r.updated_at AS "updatedAt",
         json_build_object(
           'id', c.id, 'localReference', c.local_reference,
           'dateOfBirth', to_char(c.date_of_birth, 'YYYY-MM-DD'), 'gender', c.gender,
           'homePostcode', c.home_postcode, 'homeDistrict', c.home_district,
           'legalStatus', c.legal_status, 'categoryOfNeed', c.category_of_need, 'needs', c.needs,
           'siblingGroupSize', c.sibling_group_size, 'ehcp', c.ehcp, 'preferences', c.preferences,
           'homeLocation', CASE WHEN d.district IS NULL THEN NULL
                                ELSE json_build_object('latitude', d.latitude, 'longitude', d.longitude) END
         ) AS child
    FROM referrals r JOIN children c ON c.id = r.child_id
    LEFT JOIN postcode_districts d ON d.district = c.home_district`;

/** Statuses from which a placement team may still withdraw a referral. */
@Injectable()
export class ReferralRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the child, the referral and its match-referral outbox message atomically. A key already
   * used by this LA returns that referral if the body is the same, and `key_reused` if not;
   * concurrent requests with one key are settled by the unique constraint, never by a race.
   *
   * One statement, so one round trip and atomic without BEGIN/COMMIT: the referral is inserted
   * first (ON CONFLICT DO NOTHING on the key), and the child and the outbox row only FROM what it
   * returned, so a taken key writes nothing at all. Foreign keys are checked at the end of the
   * statement, when the child row exists. No NOTIFY here: it would serialise every commit behind
   * Postgres' notification lock (the caller wakes the relay after commit instead).
   */
  async submit(referral: NewReferral): Promise<IntakeResult> {
    const { child } = referral;
    const { rows } = await this.pool().query<ReferralSummary>({
      // Named, so each connection parses and plans this statement once rather than per referral.
      name: 'referral-intake',
      text: `WITH referral AS (
         INSERT INTO referrals (child_id, local_authority_code, created_by_user_id, idempotency_key, request_hash,
                                urgency, required_by, placement_types, max_distance_miles, weekly_budget, notes)
         VALUES ($22, $1, $13, $14, $15, $16, $17, $18, $19, $20, $21)
         ON CONFLICT (local_authority_code, idempotency_key) DO NOTHING
         RETURNING id, child_id, status, urgency, created_at
       ), child AS (
         INSERT INTO children (id, local_authority_code, local_reference, date_of_birth, gender, home_postcode,
                               home_district, legal_status, category_of_need, needs, sibling_group_size, ehcp,
                               preferences)
         SELECT referral.child_id, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 FROM referral
       ), message AS (
         ${INSERT_OUTBOX}
         SELECT ${referralJobColumns(matchJobFor, 'referral.urgency', 'referral.id')} FROM referral
       )
       SELECT id, status, urgency, created_at AS "createdAt" FROM referral`,
      values: [
        referral.localAuthorityCode,
        child.localReference,
        child.dateOfBirth,
        child.gender,
        child.homePostcode,
        child.homeDistrict,
        child.legalStatus,
        child.categoryOfNeed,
        JSON.stringify(child.needs),
        child.siblingGroupSize,
        child.ehcp,
        child.preferences === null ? null : JSON.stringify(child.preferences),
        referral.createdByUserId,
        referral.idempotencyKey,
        referral.requestHash,
        referral.urgency,
        referral.requiredBy,
        referral.placementTypes,
        referral.maxDistanceMiles,
        referral.weeklyBudget,
        referral.notes,
        randomUUID(),
      ],
    });
    const created = rows[0];
    if (created) return { outcome: 'created', referral: created };

    const [existing] = await this.dataSource.query(
      `SELECT id, status, urgency, created_at AS "createdAt", request_hash AS "requestHash"
         FROM referrals WHERE local_authority_code = $1 AND idempotency_key = $2`,
      [referral.localAuthorityCode, referral.idempotencyKey],
    );
    if (!existing || existing.requestHash !== referral.requestHash) return { outcome: 'key_reused' };
    const { requestHash: _, ...summary } = existing;
    return { outcome: 'replayed', referral: summary };
  }

  /** The pg pool under TypeORM, for the one statement hot enough to want a prepared plan. */
  private pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

  /** The referral with its child, only if it belongs to the given LA. */
  async findForLocalAuthority(id: string, localAuthorityCode: string): Promise<ReferralDetail | null> {
    const [row] = await this.dataSource.query(`${DETAIL} WHERE r.id = $1 AND r.local_authority_code = $2`, [
      id,
      localAuthorityCode,
    ]);
    return row ?? null;
  }

  async list(filter: ReferralListFilter): Promise<ReferralDetail[]> {
    const params: unknown[] = [filter.localAuthorityCode];
    const where = ['r.local_authority_code = $1'];
    if (filter.status) {
      params.push(filter.status);
      where.push(`r.status = $${params.length}`);
    }
    if (filter.urgency) {
      params.push(filter.urgency);
      where.push(`r.urgency = $${params.length}`);
    }
    params.push(filter.limit, filter.offset);
    return this.dataSource.query(
      `${DETAIL} WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  /** Withdraws the LA's referral if it is still open; says why not otherwise. */
  async withdraw(
    id: string,
    localAuthorityCode: string,
  ): Promise<{ outcome: 'withdrawn' | 'not_found' } | { outcome: 'not_withdrawable'; status: ReferralStatus }> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(
        `SELECT status FROM referrals WHERE id = $1 AND local_authority_code = $2 FOR UPDATE`,
        [id, localAuthorityCode],
      );
      if (!current) return { outcome: 'not_found' as const };
      if (current.status === 'withdrawn') return { outcome: 'withdrawn' as const };
      if (!WITHDRAWABLE.includes(current.status)) return { outcome: 'not_withdrawable' as const, status: current.status };
      await manager.query(`UPDATE referrals SET status = ${referralStatus('withdrawn')}, updated_at = now() WHERE id = $1`, [id]);
      // Providers' live offers for it close with it, so nobody sees an offer open on a closed referral.
      await manager.query(`UPDATE offers SET status = ${offerStatus('closed')}, updated_at = now() WHERE referral_id = $1 AND status = ${offerStatus('open')}`, [id]);
      // And the beds it holds go back.
      await manager.query(
        `UPDATE vacancy_holds SET released_at = now() WHERE referral_id = $1 AND released_at IS NULL AND used_at IS NULL AND expires_at > now()`,
        [id],
      );
      return { outcome: 'withdrawn' as const };
    });
  }
}

