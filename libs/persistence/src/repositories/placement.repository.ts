import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { checkEligibility, DEFAULT_VACANCY_STALE_DAYS, type ExclusionReason } from '@app/domain';
import { JobName } from '@app/jobs';
import { CHILD_AGE_YEARS, CHILD_SUMMARY_COLUMNS } from './child-summary';
import { type Page, readPage } from './page';
import type {
  ChildIdentity,
  LaPlacementListItem,
  PlacementListFilter,
  PlacementView,
  ProviderHandover,
  ProviderPlacementListItem,
} from './placement-views';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from './pg-errors';
import { returningRows } from './rows';
import { MATCH_REFERRAL_COLUMNS, toMatchReferral, toMatchVacancy, VACANCY_COLUMNS, type VacancyRow } from './match-rows';
import { OutboxRepository } from './outbox.repository';
import { appendChange } from './vacancy.repository';
import { offerStatus, placementStatus, referralStatus, vacancyStatus } from './status-sql';

export type AcceptResult =
  | { outcome: 'placed'; placementId: string }
  | { outcome: 'not_found' }
  /** The referral is no longer shortlisted (placed, withdrawn) or the offer is no longer open. */
  | { outcome: 'not_open'; why: string }
  | { outcome: 'no_bed' }
  /** The vacancy no longer meets the referral's hard constraints: the domain's exclusion reasons. */
  | { outcome: 'unfit'; reasons: ExclusionReason[] }
  /** The last free bed is held for another referral. */
  | { outcome: 'held' };

export type EndResult = { outcome: 'ended'; placement: PlacementView } | { outcome: 'not_found' } | { outcome: 'already_ended' };

class Rollback extends Error {
  constructor(readonly result: AcceptResult) {
    super(result.outcome);
  }
}

const VIEW = `SELECT p.id, p.referral_id AS "referralId", p.vacancy_id AS "vacancyId", p.setting_id AS "settingId",
  p.provider_id AS "providerId", p.local_authority_code AS "localAuthorityCode",
  to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", p.weekly_cost AS "weeklyCost", p.beds_taken AS "bedsTaken",
  CASE WHEN p.ended_on IS NULL THEN ${placementStatus('active')} ELSE ${placementStatus('ended')} END AS status,
  to_char(p.ended_on, 'YYYY-MM-DD') AS "endedOn", p.end_reason AS "endReason", p.planned_ending AS "plannedEnding"
  FROM placements p`;

const DATE_OF_BIRTH = `to_char(c.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth"`;

/**
 * The officer a provider contacts about placement `p` of referral `r`, joined as `officer`: who
 * accepted the offer or, for placements made before that was kept, who made the referral.
 */
const PLACING_OFFICER_JOIN = `JOIN users officer ON officer.id = coalesce(p.placed_by_user_id, r.created_by_user_id)`;
const PLACING_OFFICER = `json_build_object('name', coalesce(officer.display_name, officer.email), 'email', officer.email,
  'phone', officer.phone) AS "placingOfficer"`;

const LIST_COLUMNS = `p.id, p.referral_id AS "referralId", p.vacancy_id AS "vacancyId", p.setting_id AS "settingId",
  s.name AS "settingName", p.provider_id AS "providerId", pr.name AS "providerName",
  to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.ended_on, 'YYYY-MM-DD') AS "endDate",
  p.end_reason AS "endReason", p.planned_ending AS planned, p.weekly_cost AS "weeklyCost"`;

/** A list's FROM and WHERE: the placements of one organisation (`owner`, $1), live or ended if asked. */
function listFrom(owner: 'p.local_authority_code' | 'p.provider_id', state: PlacementListFilter['state'], joins = ''): string {
  const ended = state === 'live' ? ' AND p.ended_on IS NULL' : state === 'ended' ? ' AND p.ended_on IS NOT NULL' : '';
  return `FROM placements p
            JOIN settings s ON s.id = p.setting_id
            JOIN providers pr ON pr.id = p.provider_id
            JOIN referrals r ON r.id = p.referral_id
            JOIN children c ON c.id = r.child_id
            ${joins}
           WHERE ${owner} = $1${ended}`;
}

/** Newest first: by start, then by when recorded. */
const LIST_ORDER = 'p.start_date DESC, p.created_at DESC, p.id';

/**
 * The hard constraints the vacancy fails for the referral on `today`, by the matching rules
 * themselves, read from the vacancy's row locked for the rest of the transaction: a setting's
 * change (copied onto its vacancies by a trigger) or a vacancy's edit either committed before, and
 * is seen here, or waits for this acceptance. Beds and the vacancy being open are left to the
 * guarded UPDATE that takes the bed, which answers for them.
 */
async function unmetConstraints(
  manager: EntityManager,
  referralId: string,
  vacancyId: string,
  today: string,
  staleDays: number,
): Promise<ExclusionReason[]> {
  const [vacancy]: VacancyRow[] = await manager.query(
    `SELECT ${VACANCY_COLUMNS}, NULL::float8 AS provider_stability FROM vacancies WHERE id = $1 FOR UPDATE`,
    [vacancyId],
  );
  const [referral] = await manager.query(
    `SELECT ${MATCH_REFERRAL_COLUMNS}
       FROM referrals r JOIN children c ON c.id = r.child_id JOIN postcode_districts d ON d.district = c.home_district
      WHERE r.id = $1`,
    [referralId],
  );
  if (!vacancy || !referral) return [];
  return checkEligibility(toMatchReferral(referral, today, staleDays), toMatchVacancy(vacancy)).filter(
    (reason) => reason !== 'NOT_OPEN' && reason !== 'INSUFFICIENT_BEDS',
  );
}

/** Placements: made exactly once from an accepted offer, ended once. */
@Injectable()
export class PlacementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Accepts an open offer for a shortlisted referral of the placer's LA, in one transaction: the referral is
   * claimed (shortlisted -> placed, so racing acceptances for it serialise and the losers find it
   * placed), the offer accepted, the vacancy re-checked against the referral's hard constraints (see
   * unmetConstraints), a bed for each child of the sibling group taken by a guarded UPDATE (never below zero, filled when
   * the last goes), the placement created (a partial unique index allows one live placement per
   * referral even if this code were wrong), the referral's other open offers closed, and the
   * vacancy change published so other referrals are re-ranked. Any step failing rolls back all.
   */
  async accept(
    offerId: string,
    placer: { localAuthorityCode: string; userId: string | null },
    startDate: string,
    /** VACANCY_STALE_DAYS, as matching judges freshness: the fit is re-checked by the same rule. */
    staleDays: number = DEFAULT_VACANCY_STALE_DAYS,
  ): Promise<AcceptResult> {
    const { localAuthorityCode } = placer;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [offer]: { referralId: string }[] = await manager.query(
          `SELECT o.referral_id AS "referralId" FROM offers o JOIN referrals r ON r.id = o.referral_id
            WHERE o.id = $1 AND r.local_authority_code = $2`,
          [offerId, localAuthorityCode],
        );
        if (!offer) return { outcome: 'not_found' as const };
        const claimed = await returningRows<{ urgency: string; beds: number }>(
          manager,
          `UPDATE referrals r SET status = ${referralStatus('placed')}, updated_at = now() FROM children c
            WHERE r.id = $1 AND r.status = ${referralStatus('shortlisted')} AND c.id = r.child_id
           RETURNING r.urgency, c.sibling_group_size AS beds`,
          [offer.referralId],
        );
        if (claimed.length === 0) throw new Rollback({ outcome: 'not_open', why: 'The referral is no longer open for offers' });
        const [accepted] = await returningRows<{ vacancyId: string; providerId: string; weeklyCost: number }>(
          manager,
          `UPDATE offers SET status = ${offerStatus('accepted')}, updated_at = now() WHERE id = $1 AND status = ${offerStatus('open')}
           RETURNING vacancy_id AS "vacancyId", provider_id AS "providerId", weekly_cost AS "weeklyCost"`,
          [offerId],
        );
        if (!accepted) throw new Rollback({ outcome: 'not_open', why: 'The offer is no longer open' });
        const reasons = await unmetConstraints(manager, offer.referralId, accepted.vacancyId, startDate, staleDays);
        if (reasons.length > 0) throw new Rollback({ outcome: 'unfit', reasons });
        // A sibling group placed together takes a bed each: never below zero, filled with the last.
        const beds = claimed[0].beds;
        const [bed] = await returningRows<{ settingId: string }>(
          manager,
          `UPDATE vacancies SET beds = beds - $2, status = CASE WHEN beds - $2 = 0 THEN 'filled' ELSE status END,
                  version = version + 1, updated_at = now()
            WHERE id = $1 AND beds >= $2 AND status = ${vacancyStatus('open')}
           RETURNING setting_id AS "settingId"`,
          [accepted.vacancyId, beds],
        );
        if (!bed) throw new Rollback({ outcome: 'no_bed' });
        // Holds are checked once this transaction owns the vacancy's row: a hold is only made under
        // that row lock too, so every hold that could count has committed and none can appear now.
        // The beds left must still cover every other referral's live hold.
        const [held] = await manager.query(
          `SELECT v.beds - coalesce(sum(h.beds) FILTER (WHERE h.referral_id <> $2), 0) AS spare,
                  (array_agg(h.id) FILTER (WHERE h.referral_id = $2))[1] AS "ownHold"
             FROM vacancies v
             LEFT JOIN vacancy_holds h ON h.vacancy_id = v.id AND h.released_at IS NULL AND h.used_at IS NULL AND h.expires_at > now()
            WHERE v.id = $1 GROUP BY v.beds`,
          [accepted.vacancyId, offer.referralId],
        );
        if (Number(held.spare) < 0) throw new Rollback({ outcome: 'held' });
        const [placement]: { id: string }[] = await manager.query(
          `INSERT INTO placements (referral_id, offer_id, vacancy_id, setting_id, provider_id, local_authority_code, start_date, weekly_cost, beds_taken,
                                   placed_by_user_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            offer.referralId,
            offerId,
            accepted.vacancyId,
            bed.settingId,
            accepted.providerId,
            localAuthorityCode,
            startDate,
            accepted.weeklyCost,
            beds,
            placer.userId,
          ],
        );
        await manager.query(`UPDATE referrals SET placement_id = $2 WHERE id = $1`, [offer.referralId, placement.id]);
        if (held.ownHold) await manager.query(`UPDATE vacancy_holds SET used_at = now() WHERE id = $1`, [held.ownHold]);
        // Placed: any bed the referral still holds elsewhere goes back at once.
        await manager.query(
          `UPDATE vacancy_holds SET released_at = now()
            WHERE referral_id = $1 AND released_at IS NULL AND used_at IS NULL AND expires_at > now()`,
          [offer.referralId],
        );
        await manager.query(
          `UPDATE offers SET status = ${offerStatus('closed')}, updated_at = now() WHERE referral_id = $1 AND status = ${offerStatus('open')} AND id <> $2`,
          [offer.referralId, offerId],
        );
        await appendChange(manager, [accepted.vacancyId]);
        // An emergency bed is a bridge: its planned follow-on referral is opened by a job, once.
        if (claimed[0].urgency === 'emergency') {
          await OutboxRepository.append(manager, JobName.OpenStepDown, { placementId: placement.id });
        }
        return { outcome: 'placed' as const, placementId: placement.id };
      });
    } catch (error) {
      if (error instanceof Rollback) return error.result;
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) return { outcome: 'not_open', why: 'The referral is already placed' };
      throw error;
    }
  }

  /** The placement if the caller's organisation is its LA or its provider. */
  async findFor(id: string, organisation: { localAuthorityCode?: string; providerId?: string }): Promise<PlacementView | null> {
    const [row] = await this.dataSource.query(
      `${VIEW} WHERE p.id = $1 AND (p.local_authority_code = $2 OR p.provider_id = $3)`,
      [id, organisation.localAuthorityCode ?? null, organisation.providerId ?? null],
    );
    return row ?? null;
  }

  /** The LA's placements, newest first, each with which of its children it is. Audited by the caller. */
  listForLocalAuthority(localAuthorityCode: string, filter: PlacementListFilter): Promise<Page<LaPlacementListItem>> {
    return readPage<LaPlacementListItem>(
      this.dataSource,
      {
        select: `${LIST_COLUMNS}, json_build_object('localReference', c.local_reference,
                   'dateOfBirth', to_char(c.date_of_birth, 'YYYY-MM-DD'), 'gender', c.gender) AS child`,
        from: listFrom('p.local_authority_code', filter.state),
        orderBy: LIST_ORDER,
        params: [localAuthorityCode],
      },
      filter,
    );
  }

  /**
   * The provider's placements, newest first: the child's age and gender, the placing LA, and what
   * the provider needs to receive the child (see ProviderHandover); never the local reference or any
   * other column of the child. Audited by the caller as disclosures.
   */
  listForProvider(providerId: string, filter: PlacementListFilter): Promise<Page<ProviderPlacementListItem>> {
    return readPage<ProviderPlacementListItem>(
      this.dataSource,
      {
        select: `${LIST_COLUMNS}, ${CHILD_AGE_YEARS}, c.gender, p.local_authority_code AS "localAuthorityCode",
                 la.name AS "localAuthorityName", ${DATE_OF_BIRTH}, ${PLACING_OFFICER}`,
        from: listFrom('p.provider_id', filter.state, `JOIN local_authorities la ON la.code = p.local_authority_code ${PLACING_OFFICER_JOIN}`),
        orderBy: LIST_ORDER,
        params: [providerId],
      },
      filter,
    );
  }

  /** The placed child as the placing LA knows them. Read only for the LA, and audited by the caller. */
  async childIdentity(referralId: string): Promise<ChildIdentity> {
    const [row] = await this.dataSource.query(
      `SELECT c.local_reference AS "localReference", ${DATE_OF_BIRTH}, c.gender
         FROM referrals r JOIN children c ON c.id = r.child_id WHERE r.id = $1`,
      [referralId],
    );
    return row;
  }

  /**
   * What the placement's provider needs to receive the child (see ProviderHandover): the shortlist
   * view's allow-list, the date of birth and the placing officer. Read only for the provider, and
   * audited by the caller as a disclosure.
   */
  async providerHandover(placementId: string): Promise<ProviderHandover> {
    const [{ placingOfficer, ...child }] = await this.dataSource.query(
      `SELECT ${CHILD_SUMMARY_COLUMNS}, ${DATE_OF_BIRTH}, ${PLACING_OFFICER}
         FROM placements p JOIN referrals r ON r.id = p.referral_id JOIN children c ON c.id = r.child_id
         ${PLACING_OFFICER_JOIN}
        WHERE p.id = $1`,
      [placementId],
    );
    return { child, placingOfficer };
  }

  /**
   * Ends a live placement of the LA and closes its referral. An unplanned ending is a breakdown:
   * the bed comes back (one more bed, reopened if it was filled, unless the provider withdrew the
   * vacancy) and other referrals are re-ranked.
   */
  async end(
    id: string,
    localAuthorityCode: string,
    ending: { endDate: string; reason: string; planned: boolean },
  ): Promise<EndResult> {
    return this.dataSource.transaction(async (manager) => {
      const [ended] = await returningRows<{ vacancyId: string; referralId: string; bedsTaken: number }>(
        manager,
        `UPDATE placements SET ended_on = $3, end_reason = $4, planned_ending = $5, updated_at = now()
          WHERE id = $1 AND local_authority_code = $2 AND ended_on IS NULL
         RETURNING vacancy_id AS "vacancyId", referral_id AS "referralId", beds_taken AS "bedsTaken"`,
        [id, localAuthorityCode, ending.endDate, ending.reason, ending.planned],
      );
      if (!ended) {
        const [exists] = await manager.query(`SELECT 1 FROM placements WHERE id = $1 AND local_authority_code = $2`, [
          id,
          localAuthorityCode,
        ]);
        return exists ? { outcome: 'already_ended' as const } : { outcome: 'not_found' as const };
      }
      await manager.query(`UPDATE referrals SET status = ${referralStatus('closed')}, updated_at = now() WHERE id = $1 AND status = ${referralStatus('placed')}`, [
        ended.referralId,
      ]);
      if (!ending.planned) {
        const freed = await returningRows(
          manager,
          `UPDATE vacancies SET beds = beds + $2, status = ${vacancyStatus('open')}, version = version + 1, updated_at = now()
            WHERE id = $1 AND status <> ${vacancyStatus('withdrawn')} RETURNING id`,
          [ended.vacancyId, ended.bedsTaken],
        );
        if (freed.length > 0) await appendChange(manager, [ended.vacancyId]);
      }
      const [placement] = await manager.query(`${VIEW} WHERE p.id = $1`, [id]);
      return { outcome: 'ended' as const, placement };
    });
  }
}
