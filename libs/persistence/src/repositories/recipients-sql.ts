import { JobName } from '@app/jobs';
import { INSERT_OUTBOX, outboxColumns } from './outbox-sql';

/**
 * Sending a referral to providers, and what a provider may see of one, as SQL shared by matching
 * (which sends automatically as it writes a shortlist) and the placement team's own sends. A
 * provider sees a referral only while it is shortlisted, one of the provider's vacancies is on its
 * current shortlist, and the referral was sent to the provider.
 */

/**
 * SQL: inserts the sends of the referral $1 to the providers `chosen` among those with vacancies on
 * its current shortlist, by $3 (null: automatically), recording their vacancies there (best first)
 * and best rank. A provider already sent it keeps its first send. Returns the providers sent it now.
 */
function sendFromShortlist(chosen: string): string {
  return `WITH on_shortlist AS (
            SELECT m.provider_id, array_agg(m.vacancy_id ORDER BY m.rank) AS vacancy_ids, min(m.rank) AS best_rank
              FROM referral_matches m WHERE m.referral_id = $1 GROUP BY m.provider_id)
          INSERT INTO referral_recipients (referral_id, provider_id, sent_by_user_id, vacancy_ids, best_rank)
          SELECT $1, provider_id, $3::uuid, vacancy_ids, best_rank FROM on_shortlist ${chosen}
          ON CONFLICT (referral_id, provider_id) DO NOTHING
          RETURNING provider_id AS "providerId"`;
}

/** $1 referral, $2 how many, $3 null: the best-ranked $2 distinct providers of the shortlist. */
export const SEND_TOP_PROVIDERS = sendFromShortlist('ORDER BY best_rank LIMIT $2::int');

/** $1 referral, $2 provider ids, $3 the placement officer sending: those of them on the shortlist. */
export const SEND_CHOSEN_PROVIDERS = sendFromShortlist('WHERE provider_id = ANY($2::uuid[])');

/**
 * SQL: an emergency's alerts, in the transaction that sends or shortlists: one per vacancy on the
 * referral $1's current shortlist whose provider was sent the referral (unique per referral and
 * vacancy, so running it again adds only what is new), and for each provider with a webhook a
 * delivery job in the outbox. Returns a row per delivery queued.
 */
export const ALERT_RECIPIENTS = `WITH alerts AS (
    INSERT INTO provider_notifications (provider_id, referral_id, vacancy_id, event, urgency, queued_at)
    SELECT m.provider_id, m.referral_id, m.vacancy_id, 'referral.shortlisted', 'emergency',
           CASE WHEN EXISTS (SELECT 1 FROM provider_webhooks w WHERE w.provider_id = m.provider_id) THEN now() END
      FROM referral_matches m
      JOIN referral_recipients sent ON sent.referral_id = m.referral_id AND sent.provider_id = m.provider_id
     WHERE m.referral_id = $1
    ON CONFLICT ON CONSTRAINT provider_notifications_once DO NOTHING
    RETURNING id, queued_at)
  ${INSERT_OUTBOX}
  SELECT ${outboxColumns(JobName.NotifyProvider, { notificationId: 'a.id' })} FROM alerts a WHERE a.queued_at IS NOT NULL
  RETURNING id`;

/** SQL: the referral (an SQL expression) was sent to the provider (another). */
export function sentTo(referral: string, provider: string): string {
  return `EXISTS (SELECT 1 FROM referral_recipients sent WHERE sent.referral_id = ${referral} AND sent.provider_id = ${provider})`;
}

/**
 * SQL: the provider's vacancy is on the referral's current shortlist and the referral was sent to
 * the provider (each an SQL expression); the caller checks that the referral is shortlisted.
 */
export function shownToProvider(referral: string, vacancy: string, provider: string): string {
  return `EXISTS (SELECT 1 FROM referral_matches shown
                   WHERE shown.referral_id = ${referral} AND shown.vacancy_id = ${vacancy} AND shown.provider_id = ${provider})
          AND ${sentTo(referral, provider)}`;
}
