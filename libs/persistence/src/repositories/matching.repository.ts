import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { checkEligibility, DEFAULT_AUTO_SEND_TOP_PROVIDERS, DEFAULT_VACANCY_STALE_DAYS, MATCHING_CAN_FAIL } from '@app/domain';
import type { MatchingWeights, MatchReferral, RankedMatch, ReferralStatus, VacancyExclusion } from '@app/domain';
import { candidateSource, type CandidateSource } from './candidate-source';
import { MATCH_REFERRAL_COLUMNS, toMatchReferral, toMatchVacancy, VACANCY_COLUMNS, type VacancyRow } from './match-rows';
import { ALERT_RECIPIENTS, SEND_TOP_PROVIDERS } from './recipients-sql';
import { poolOf, withClientTransaction } from './pool-client';
import { steeringAllianceOf } from './steering-alliance';
import { offerStatus, referralStatus } from './status-sql';

/** A referral claimed for matching, as the domain reads it, with its alliance's weights if set. */
export interface ClaimedReferral {
  referral: MatchReferral;
  weights: MatchingWeights | null;
  /** How many providers, best-ranked first, the shortlist is sent to: its LA's alliance's rule. */
  autoSendTopProviders: number;
}

export interface MatchOutcome {
  matches: RankedMatch[];
  exclusions: VacancyExclusion[];
}

/** Where a referral stands after a matching run. */
export type MatchRunResult =
  | {
      outcome: 'matched';
      status: 'shortlisted' | 'no_match';
      matches: number;
      exclusions: number;
      /** Providers sent the referral by this run (not those sent it before). */
      sent: number;
      alerts: number;
    }
  /** Not in a state this run may match from (already matched, withdrawn, placed, unknown). */
  | { outcome: 'not_claimable' };

/**
 * Matching's reads and writes. A run is one transaction: the claim (a conditional UPDATE that also
 * row-locks the referral), the candidate reads, and the shortlist write. Two runs for one referral
 * therefore serialise on the row lock, and the second re-checks the status once the first commits;
 * a run whose process dies is rolled back by Postgres, leaving the referral as it was for the retry.
 * Statements are named, so each pooled connection plans them once.
 */
@Injectable()
export class MatchingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the referral if its status is one of `from`, lets `compute` read candidates and rank
   * them, and stores the result with the status it implies, all in one transaction.
   */
  async run(
    referralId: string,
    from: readonly ReferralStatus[],
    compute: (claimed: ClaimedReferral, source: CandidateSource) => Promise<MatchOutcome> | MatchOutcome,
    /** Whether an emergency's shortlist alerts the providers it was sent to (delivered to their webhooks). */
    alertProviders = false,
    /** Days without confirmation after which a vacancy is stale (VACANCY_STALE_DAYS). */
    staleDays: number = DEFAULT_VACANCY_STALE_DAYS,
  ): Promise<MatchRunResult> {
    return withClientTransaction<MatchRunResult>(poolOf(this.dataSource), async (client) => {
      const claimed = await this.claim(client, referralId, from, staleDays);
      // Nothing claimed, nothing written: the transaction commits empty.
      if (!claimed) return { outcome: 'not_claimable' };
      const outcome = await compute(claimed, candidateSource(client, claimed.referral));
      const status = await this.store(client, referralId, outcome);
      await this.closeUnfitOffers(client, claimed.referral);
      const sent = status === 'shortlisted' ? await this.sendTopProviders(client, referralId, claimed.autoSendTopProviders) : 0;
      const alerts =
        alertProviders && claimed.referral.urgency === 'emergency' && status === 'shortlisted'
          ? await this.alertRecipients(client, referralId)
          : 0;
      return { outcome: 'matched', status, matches: outcome.matches.length, exclusions: outcome.exclusions.length, sent, alerts };
    });
  }

  /**
   * Records that a referral's matching has given up. A referral never matched says `match_failed`;
   * a shortlisted one keeps its last shortlist, marked stale (`match_error` set), so the child stays
   * listed to providers and its offers stay acceptable while matching recovers.
   * `reason` is an error class or code, never a message that could carry personal data.
   */
  async markFailed(referralId: string, reason: string): Promise<boolean> {
    const { rowCount } = await poolOf(this.dataSource).query(
      `UPDATE referrals
          SET status = CASE WHEN status = ${referralStatus('shortlisted')} THEN ${referralStatus('shortlisted')} ELSE ${referralStatus('match_failed')} END,
              match_error = $2, updated_at = now()
        WHERE id = $1 AND status = ANY($3::text[])`,
      [referralId, reason.slice(0, 200), MATCHING_CAN_FAIL],
    );
    return (rowCount ?? 0) > 0;
  }

  private async claim(
    client: PoolClient,
    referralId: string,
    from: readonly ReferralStatus[],
    staleDays: number,
  ): Promise<ClaimedReferral | null> {
    const { rows } = await client.query({
      name: 'matching-claim',
      // The UPDATE is the claim and takes the row lock; FROM brings the child and home district
      // back in the same round trip.
      text: `UPDATE referrals r SET status = ${referralStatus('matching')}, updated_at = now()
               FROM children c JOIN postcode_districts d ON d.district = c.home_district
              WHERE r.id = $1 AND r.status = ANY($2::text[]) AND c.id = r.child_id
          RETURNING ${MATCH_REFERRAL_COLUMNS},
                    to_char(now() AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS today,
                    (SELECT a.matching_weights FROM alliances a
                      WHERE a.id = ${steeringAllianceOf('r.local_authority_code')}) AS weights,
                    coalesce((SELECT a.auto_send_top_providers FROM alliances a
                               WHERE a.id = ${steeringAllianceOf('r.local_authority_code')}), $3) AS auto_send`,
      values: [referralId, from, DEFAULT_AUTO_SEND_TOP_PROVIDERS],
    });
    const row = rows[0];
    if (!row) return null;
    return {
      weights: row.weights,
      autoSendTopProviders: row.auto_send,
      referral: toMatchReferral(row, row.today, staleDays),
    };
  }

  /**
   * Closes the referral's open offers of vacancies that no longer meet its hard constraints (the
   * setting changed its ages, needs or reservations, the vacancy its dates, or it was filled or
   * withdrawn), each with its exclusion reasons: the placing team is not shown an offer it cannot
   * accept, and the provider sees why it closed. Runs under the referral's row lock, which
   * acceptance takes first too, and changes only offers still open, so a second run does nothing.
   */
  private async closeUnfitOffers(client: PoolClient, referral: MatchReferral): Promise<void> {
    const { rows } = await client.query<VacancyRow>({
      name: 'matching-offered-vacancies',
      text: `SELECT ${VACANCY_COLUMNS}, NULL::float8 AS provider_stability FROM vacancies
              WHERE id IN (SELECT vacancy_id FROM offers WHERE referral_id = $1 AND status = ${offerStatus('open')})`,
      values: [referral.id],
    });
    const unfit = rows
      .map((row) => ({ vacancyId: row.id, reasons: checkEligibility(referral, toMatchVacancy(row)) }))
      .filter((offered) => offered.reasons.length > 0);
    if (unfit.length === 0) return;
    await client.query({
      name: 'matching-close-unfit-offers',
      text: `UPDATE offers o SET status = ${offerStatus('closed')}, closed_reasons = string_to_array(t.reasons, ','), updated_at = now()
               FROM unnest($2::uuid[], $3::text[]) AS t(vacancy_id, reasons)
              WHERE o.referral_id = $1 AND o.vacancy_id = t.vacancy_id AND o.status = ${offerStatus('open')}`,
      values: [referral.id, unfit.map((u) => u.vacancyId), unfit.map((u) => u.reasons.join(','))],
    });
  }

  /**
   * The shortlist just stored goes to the `top` best-ranked distinct providers on it not sent it
   * before (a re-match that brings a provider into the top few sends to it; sends are never taken
   * back). Returns how many were sent it now.
   */
  private async sendTopProviders(client: PoolClient, referralId: string, top: number): Promise<number> {
    if (top === 0) return 0;
    const { rowCount } = await client.query({ name: 'matching-send-top', text: SEND_TOP_PROVIDERS, values: [referralId, top, null] });
    return rowCount ?? 0;
  }

  /**
   * An emergency's shortlist alerts the providers it was sent to: one notification per referral and
   * vacancy (a re-match adds only vacancies new to it), and a notify-provider outbox row for each
   * provider with a webhook, in the matching transaction, so an alert exists exactly when its
   * shortlist and send do. Returns how many deliveries were queued.
   */
  private async alertRecipients(client: PoolClient, referralId: string): Promise<number> {
    const { rowCount } = await client.query({
      name: 'matching-alert-recipients',
      text: ALERT_RECIPIENTS,
      values: [referralId],
    });
    return rowCount ?? 0;
  }

  /**
   * One statement: the new rows overwrite the old in place (upsert by rank and position), rows
   * past the new lengths go, the providers reached for the first time are recorded, and the
   * referral takes its status. The deletes touch only ranks the
   * inserts do not, so the parts of the statement never meet on a row.
   */
  private async store(client: PoolClient, referralId: string, outcome: MatchOutcome): Promise<'shortlisted' | 'no_match'> {
    const { matches, exclusions } = outcome;
    const status = matches.length > 0 ? 'shortlisted' : 'no_match';
    await client.query({
      name: 'matching-store',
      text: `WITH matches AS (
               INSERT INTO referral_matches (referral_id, rank, vacancy_id, setting_id, provider_id, score, distance_miles, weekly_cost, breakdown)
               SELECT $1, * FROM unnest($2::smallint[], $3::uuid[], $4::uuid[], $5::uuid[], $6::float8[], $7::float8[], $8::int[], $9::jsonb[])
               ON CONFLICT (referral_id, rank) DO UPDATE SET vacancy_id = EXCLUDED.vacancy_id, setting_id = EXCLUDED.setting_id,
                  provider_id = EXCLUDED.provider_id, score = EXCLUDED.score, distance_miles = EXCLUDED.distance_miles,
                  weekly_cost = EXCLUDED.weekly_cost, breakdown = EXCLUDED.breakdown),
             stale_matches AS (DELETE FROM referral_matches WHERE referral_id = $1 AND rank > cardinality($2::smallint[])),
             -- The providers this shortlist reaches, kept from their first time on it.
             reached AS (
               INSERT INTO referral_shortlistings (referral_id, provider_id)
               SELECT DISTINCT $1::uuid, p FROM unnest($5::uuid[]) AS p
               ON CONFLICT (referral_id, provider_id) DO NOTHING),
             exclusions AS (
               -- Reasons travel comma-joined: Postgres has no arrays of arrays of differing lengths.
               INSERT INTO referral_exclusions (referral_id, position, vacancy_id, distance_miles, reasons)
               SELECT $1, t.position, t.vacancy_id, t.distance_miles, string_to_array(t.reasons, ',')
                 FROM unnest($10::smallint[], $11::uuid[], $12::float8[], $13::text[]) AS t(position, vacancy_id, distance_miles, reasons)
               ON CONFLICT (referral_id, position) DO UPDATE SET vacancy_id = EXCLUDED.vacancy_id,
                  distance_miles = EXCLUDED.distance_miles, reasons = EXCLUDED.reasons),
             stale_exclusions AS (DELETE FROM referral_exclusions WHERE referral_id = $1 AND position > cardinality($10::smallint[]))
           UPDATE referrals SET status = $14, matched_at = now(), match_error = NULL, updated_at = now(),
                  shortlisted_at = CASE WHEN $14 = 'shortlisted' THEN now() ELSE shortlisted_at END
            WHERE id = $1`,
      values: [
        referralId,
        matches.map((m) => m.rank),
        matches.map((m) => m.vacancyId),
        matches.map((m) => m.settingId),
        matches.map((m) => m.providerId),
        matches.map((m) => m.score),
        matches.map((m) => m.distanceMiles),
        matches.map((m) => m.weeklyCost),
        matches.map((m) => JSON.stringify(m.breakdown)),
        exclusions.map((_, i) => i + 1),
        exclusions.map((e) => e.vacancyId),
        exclusions.map((e) => e.distanceMiles),
        exclusions.map((e) => e.reasons.join(',')),
        status,
      ],
    });
    return status;
  }
}
