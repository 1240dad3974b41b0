import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type ReferralStatus } from '@app/domain';
import { ALERT_RECIPIENTS, SEND_CHOSEN_PROVIDERS } from './recipients-sql';
import { returningRows } from './rows';

/** One provider a referral was sent to, and what it was sent. */
export interface RecipientView {
  providerId: string;
  providerName: string;
  /** The provider's vacancies on the shortlist when it was sent, best first. */
  vacancyIds: string[];
  bestRank: number;
  sentAt: Date;
  /**
   * The placement officer who sent it, named by their display name or else their email; null when
   * matching sent it by the alliance's rule.
   */
  sentBy: { userId: string; name: string } | null;
}

export type SendResult =
  | { outcome: 'sent'; items: RecipientView[]; sent: string[]; alerts: number }
  | { outcome: 'not_found' }
  /** Sends are made only while the referral is shortlisted. */
  | { outcome: 'not_shortlisted'; status: ReferralStatus }
  /** These of the providers asked for have no vacancy on the referral's current shortlist; nothing was sent. */
  | { outcome: 'not_on_shortlist'; providerIds: string[] };

/** Who a referral was sent to: matching's automatic sends and the placement team's own. */
@Injectable()
export class RecipientRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The referral's recipients, first sent first; null if the LA has no such referral. */
  list(referralId: string, localAuthorityCode: string): Promise<RecipientView[] | null> {
    return recipients(this.dataSource.manager, referralId, localAuthorityCode);
  }

  /**
   * Sends the referral to the providers, each of which must have a vacancy on its current
   * shortlist; those already sent it keep their first send. Under a share lock on the referral, so
   * no re-match, acceptance or withdrawal runs in between; an emergency's alerts for the providers
   * newly sent go out in the same transaction.
   */
  async send(
    referralId: string,
    localAuthorityCode: string,
    send: { providerIds: string[]; userId: string },
  ): Promise<SendResult> {
    return this.dataSource.transaction(async (manager) => {
      const [referral]: { status: ReferralStatus; urgency: string }[] = await manager.query(
        `SELECT status, urgency FROM referrals WHERE id = $1 AND local_authority_code = $2 FOR SHARE`,
        [referralId, localAuthorityCode],
      );
      if (!referral) return { outcome: 'not_found' as const };
      if (referral.status !== 'shortlisted') return { outcome: 'not_shortlisted' as const, status: referral.status };
      const onShortlist: { providerId: string }[] = await manager.query(
        `SELECT DISTINCT provider_id AS "providerId" FROM referral_matches WHERE referral_id = $1 AND provider_id = ANY($2::uuid[])`,
        [referralId, send.providerIds],
      );
      const found = new Set(onShortlist.map((row) => row.providerId));
      const missing = send.providerIds.filter((id) => !found.has(id));
      if (missing.length > 0) return { outcome: 'not_on_shortlist' as const, providerIds: missing };
      const sent = await returningRows<{ providerId: string }>(manager, SEND_CHOSEN_PROVIDERS, [referralId, send.providerIds, send.userId]);
      const alerts =
        referral.urgency === 'emergency' && sent.length > 0
          ? (await returningRows(manager, ALERT_RECIPIENTS, [referralId])).length
          : 0;
      const items = (await recipients(manager, referralId, localAuthorityCode)) ?? [];
      return { outcome: 'sent' as const, items, sent: sent.map((row) => row.providerId), alerts };
    });
  }
}

async function recipients(manager: EntityManager, referralId: string, localAuthorityCode: string): Promise<RecipientView[] | null> {
  // The referral LEFT JOIN its sends: no rows, no such referral of the LA; one with a null provider, none sent yet.
  const rows: (Omit<RecipientView, 'sentBy'> & { sentByUserId: string | null; sentByName: string })[] = await manager.query(
    `SELECT s.provider_id AS "providerId", p.name AS "providerName", s.vacancy_ids AS "vacancyIds", s.best_rank AS "bestRank",
            s.sent_at AS "sentAt", s.sent_by_user_id AS "sentByUserId", coalesce(u.display_name, u.email) AS "sentByName"
       FROM referrals r
       LEFT JOIN referral_recipients s ON s.referral_id = r.id
       LEFT JOIN providers p ON p.id = s.provider_id
       LEFT JOIN users u ON u.id = s.sent_by_user_id
      WHERE r.id = $1 AND r.local_authority_code = $2
      ORDER BY s.sent_at, s.best_rank, s.provider_id`,
    [referralId, localAuthorityCode],
  );
  if (rows.length === 0) return null;
  return rows
    .filter((row) => row.providerId !== null)
    .map(({ sentByUserId, sentByName, ...row }) => ({
      ...row,
      sentBy: sentByUserId === null ? null : { userId: sentByUserId, name: sentByName },
    }));
}
