import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type OfferStatus, type ReferralStatus } from '@app/domain';
import type { DeclineReason } from '../entities';
import { CHILD_SUMMARY_COLUMNS, type ChildSummary } from './child-summary';
import { type Page, readPage } from './page';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from './pg-errors';
import { sentTo, shownToProvider } from './recipients-sql';
import { offerStatus, referralStatus } from './status-sql';

/**
 * A referral sent to the provider, as the provider sees it: built from an allow-list of columns in SQL
 * (`CHILD_SUMMARY_COLUMNS`), never by removing fields from the full record.
 */
export interface ProviderReferralSummary extends ChildSummary {
  referralId: string;
  vacancyId: string;
  urgency: string;
  requiredBy: string;
  placementTypes: string[];
  score: number;
}

export interface OfferView {
  id: string;
  referralId: string;
  vacancyId: string;
  providerId: string;
  weeklyCost: number;
  message: string | null;
  status: OfferStatus;
  /** The exclusion reasons a re-match closed the offer for; null unless it did. */
  closedReasons: string[] | null;
  createdAt: Date;
}

/** A provider's decline as the placing LA reads it: who said no, for which vacancy, and why. */
export interface DeclineView {
  id: string;
  vacancyId: string;
  providerId: string;
  providerName: string;
  reason: DeclineReason;
  createdAt: Date;
}

/** An offer as its provider follows it: where, at what cost, and what became of it and its referral. No child data. */
export interface ProviderOfferView {
  id: string;
  referralId: string;
  vacancyId: string;
  settingId: string;
  settingName: string;
  weeklyCost: number;
  message: string | null;
  status: OfferStatus;
  /** The exclusion reasons a re-match closed the offer for; null unless it did. */
  closedReasons: string[] | null;
  createdAt: Date;
  referralStatus: ReferralStatus;
  /** The placement the offer became, once accepted. */
  placementId: string | null;
}

export interface NewOffer {
  referralId: string;
  vacancyId: string;
  providerId: string;
  createdByUserId: string;
  weeklyCost: number;
  message: string | null;
}

export interface NewDecline {
  referralId: string;
  vacancyId: string;
  providerId: string;
  createdByUserId: string;
  reason: DeclineReason;
  note: string | null;
}

export type OfferResult =
  | { outcome: 'created'; offer: OfferView }
  /** The vacancy is not the provider's, not on the referral's current shortlist, or the referral was not sent to the provider. */
  | { outcome: 'not_shortlisted' }
  | { outcome: 'already_offered' };

export type DeclineResult = { outcome: 'declined'; id: string; withdrawnOffers: number } | { outcome: 'not_shortlisted' };

const OFFER_COLUMNS = `o.id, o.referral_id AS "referralId", o.vacancy_id AS "vacancyId", o.provider_id AS "providerId",
  o.weekly_cost AS "weeklyCost", o.message, o.status, o.closed_reasons AS "closedReasons", o.created_at AS "createdAt"`;

/**
 * Answers only while the referral is shortlisted, the provider's vacancy is on its shortlist and the
 * referral was sent to the provider.
 */
const ON_SHORTLIST = `EXISTS (SELECT 1 FROM referrals r WHERE r.id = $1 AND r.status = ${referralStatus('shortlisted')}) AND ${shownToProvider('$1', '$2', '$3')}`;

/** Holds the referral's row against acceptance and withdrawal for the rest of the transaction. */
async function lockShortlisted(manager: EntityManager, referralId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM referrals WHERE id = $1 AND status = ${referralStatus('shortlisted')} FOR SHARE`, [referralId]);
}

/** Providers' answers to shortlisted referrals, and the anonymised view they answer from. */
@Injectable()
export class OfferRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Shortlisted referrals sent to the provider, with one of its vacancies on the shortlist, most urgent first. */
  providerReferrals(providerId: string, page: { limit: number; offset: number }): Promise<ProviderReferralSummary[]> {
    return this.dataSource.query(
      `SELECT r.id AS "referralId", m.vacancy_id AS "vacancyId", r.urgency, to_char(r.required_by, 'YYYY-MM-DD') AS "requiredBy",
              ${CHILD_SUMMARY_COLUMNS},
              r.placement_types AS "placementTypes", m.score
         FROM referral_matches m
         JOIN referrals r ON r.id = m.referral_id
         JOIN children c ON c.id = r.child_id
        WHERE m.provider_id = $1 AND r.status = ${referralStatus('shortlisted')} AND ${sentTo('r.id', 'm.provider_id')}
        ORDER BY CASE r.urgency WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END, r.required_by, r.id, m.rank
        LIMIT $2 OFFSET $3`,
      [providerId, page.limit, page.offset],
    );
  }

  /**
   * The provider's offers, newest first, with what became of each: its status, its referral's status
   * (withdrawn, placed, closed…) and the placement it became. Read from the offer, the vacancy and
   * its setting, the referral's status and the placement's id: no column of the child.
   */
  providerOffers(providerId: string, filter: { status?: OfferStatus; limit: number; offset: number }): Promise<Page<ProviderOfferView>> {
    const params: unknown[] = [providerId];
    if (filter.status) params.push(filter.status);
    return readPage<ProviderOfferView>(
      this.dataSource,
      {
        select: `o.id, o.referral_id AS "referralId", o.vacancy_id AS "vacancyId", v.setting_id AS "settingId", s.name AS "settingName",
                 o.weekly_cost AS "weeklyCost", o.message, o.status, o.closed_reasons AS "closedReasons", o.created_at AS "createdAt",
                 r.status AS "referralStatus",
                 p.id AS "placementId"`,
        from: `FROM offers o
                 JOIN referrals r ON r.id = o.referral_id
                 JOIN vacancies v ON v.id = o.vacancy_id
                 JOIN settings s ON s.id = v.setting_id
                 LEFT JOIN placements p ON p.offer_id = o.id
                WHERE o.provider_id = $1${filter.status ? ' AND o.status = $2' : ''}`,
        orderBy: 'o.created_at DESC, o.id',
        params,
      },
      filter,
    );
  }

  /**
   * An INSERT guarded by the shortlist, under a share lock on the referral: an acceptance or a
   * withdrawal (which take the referral's row lock first, as here) either commits before, and the
   * guard sees the referral no longer shortlisted, or waits for this offer and then closes it. The
   * partial unique index turns a second live offer into a conflict.
   */
  async createOffer(offer: NewOffer): Promise<OfferResult> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await lockShortlisted(manager, offer.referralId);
        const rows: OfferView[] = await manager.query(
          `WITH o AS (
             INSERT INTO offers (referral_id, vacancy_id, provider_id, created_by_user_id, weekly_cost, message)
             SELECT $1, $2, $3, $4, $5, $6 WHERE ${ON_SHORTLIST}
             RETURNING *)
           SELECT ${OFFER_COLUMNS} FROM o`,
          [offer.referralId, offer.vacancyId, offer.providerId, offer.createdByUserId, offer.weeklyCost, offer.message],
        );
        return rows.length > 0 ? { outcome: 'created' as const, offer: rows[0] } : { outcome: 'not_shortlisted' as const };
      });
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) return { outcome: 'already_offered' };
      throw error;
    }
  }

  /** Records the decline and withdraws the provider's live offer of that vacancy, in one transaction. */
  async createDecline(decline: NewDecline): Promise<DeclineResult> {
    return this.dataSource.transaction(async (manager) => {
      await lockShortlisted(manager, decline.referralId);
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO declines (referral_id, vacancy_id, provider_id, created_by_user_id, reason, note)
         SELECT $1, $2, $3, $4, $5, $6 WHERE ${ON_SHORTLIST}
         RETURNING id`,
        [decline.referralId, decline.vacancyId, decline.providerId, decline.createdByUserId, decline.reason, decline.note],
      );
      if (!row) return { outcome: 'not_shortlisted' as const };
      const [, withdrawn] = await manager.query(
        `UPDATE offers SET status = ${offerStatus('withdrawn')}, updated_at = now()
          WHERE referral_id = $1 AND vacancy_id = $2 AND provider_id = $3 AND status = ${offerStatus('open')}`,
        [decline.referralId, decline.vacancyId, decline.providerId],
      );
      return { outcome: 'declined' as const, id: row.id, withdrawnOffers: withdrawn };
    });
  }

  /** The offers made for a referral of the LA, newest first; null if the LA has no such referral. */
  async offersFor(referralId: string, localAuthorityCode: string): Promise<OfferView[] | null> {
    if (!(await this.isReferralOf(referralId, localAuthorityCode))) return null;
    return this.dataSource.query(`SELECT ${OFFER_COLUMNS} FROM offers o WHERE o.referral_id = $1 ORDER BY o.created_at DESC, o.id`, [
      referralId,
    ]);
  }

  /** The declines of a referral of the LA, newest first, each with its provider's name; null if the LA has no such referral. */
  async declinesFor(referralId: string, localAuthorityCode: string): Promise<DeclineView[] | null> {
    if (!(await this.isReferralOf(referralId, localAuthorityCode))) return null;
    return this.dataSource.query(
      `SELECT d.id, d.vacancy_id AS "vacancyId", d.provider_id AS "providerId", p.name AS "providerName", d.reason,
              d.created_at AS "createdAt"
         FROM declines d JOIN providers p ON p.id = d.provider_id
        WHERE d.referral_id = $1
        ORDER BY d.created_at DESC, d.id`,
      [referralId],
    );
  }

  private async isReferralOf(referralId: string, localAuthorityCode: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM referrals WHERE id = $1 AND local_authority_code = $2`, [
      referralId,
      localAuthorityCode,
    ]);
    return rows.length > 0;
  }
}
