import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobName } from '@app/jobs';
import { INSERT_OUTBOX, outboxColumns } from './outbox-sql';
import { shownToProvider } from './recipients-sql';
import { returningRows } from './rows';
import { referralStatus } from './status-sql';

export interface NotificationView {
  id: string;
  event: string;
  referralId: string;
  vacancyId: string;
  urgency: string;
  createdAt: Date;
  /**
   * `pending` (being delivered or retried), `delivered`, `cancelled` (no longer the provider's to
   * see), `failed` (every retry failed; registering the webhook again retries it), or `not_sent`
   * (no webhook when it was raised).
   */
  delivery: 'pending' | 'delivered' | 'cancelled' | 'failed' | 'not_sent';
  deliveredAt: Date | null;
  attempts: number;
}

/** What a delivery needs, read afresh for each attempt. */
export interface PendingDelivery {
  id: string;
  providerId: string;
  referralId: string;
  vacancyId: string;
  event: string;
  urgency: string;
  delivered: boolean;
  cancelled: boolean;
  /** The referral is still shortlisted with this provider's vacancy on the shortlist, and was sent to the provider. */
  visible: boolean;
  url: string | null;
  secret: string | null;
}

/** Providers' webhooks and the alerts delivered to them. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Registers or replaces the provider's webhook and, in the same transaction, queues delivery of
   * the alerts of the last day it has not received and may still see: those raised before it had a
   * webhook, and those whose retries ran out. Returns how many were queued.
   */
  async setWebhook(
    providerId: string,
    webhook: { url: string; secret: string },
  ): Promise<{ providerId: string; url: string; updatedAt: Date; queued: number } | null> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO provider_webhooks (provider_id, url, secret) SELECT id, $2, $3 FROM providers WHERE id = $1
         ON CONFLICT (provider_id) DO UPDATE SET url = EXCLUDED.url, secret = EXCLUDED.secret, updated_at = now()
         RETURNING provider_id AS "providerId", url, updated_at AS "updatedAt"`,
        [providerId, webhook.url, webhook.secret],
      );
      if (!row) return null;
      const queued = await returningRows(
        manager,
        `WITH due AS (
           UPDATE provider_notifications n SET queued_at = now(), failed_at = NULL
             FROM referrals r
            WHERE n.provider_id = $1 AND r.id = n.referral_id AND r.status = ${referralStatus('shortlisted')}
              AND ${shownToProvider('n.referral_id', 'n.vacancy_id', 'n.provider_id')}
              AND n.delivered_at IS NULL AND n.cancelled_at IS NULL AND (n.queued_at IS NULL OR n.failed_at IS NOT NULL)
              AND n.created_at > now() - interval '1 day'
           RETURNING n.id)
         ${INSERT_OUTBOX} SELECT ${outboxColumns(JobName.NotifyProvider, { notificationId: 'due.id' })} FROM due
         RETURNING id`,
        [providerId],
      );
      return { ...row, queued: queued.length };
    });
  }

  /** The provider's alerts, newest first. */
  list(providerId: string, page: { limit: number; offset: number }): Promise<NotificationView[]> {
    return this.dataSource.query(
      `SELECT n.id, n.event, n.referral_id AS "referralId", n.vacancy_id AS "vacancyId", n.urgency, n.created_at AS "createdAt",
              CASE WHEN n.delivered_at IS NOT NULL THEN 'delivered'
                   WHEN n.cancelled_at IS NOT NULL THEN 'cancelled'
                   WHEN n.failed_at IS NOT NULL THEN 'failed'
                   WHEN n.queued_at IS NOT NULL THEN 'pending'
                   ELSE 'not_sent' END AS delivery,
              n.delivered_at AS "deliveredAt", n.attempts
         FROM provider_notifications n
        WHERE n.provider_id = $1
        ORDER BY n.created_at DESC, n.id LIMIT $2 OFFSET $3`,
      [providerId, page.limit, page.offset],
    );
  }

  async pending(notificationId: string): Promise<PendingDelivery | null> {
    const [row] = await this.dataSource.query(
      `SELECT n.id, n.provider_id AS "providerId", n.referral_id AS "referralId", n.vacancy_id AS "vacancyId", n.event, n.urgency,
              n.delivered_at IS NOT NULL AS delivered, n.cancelled_at IS NOT NULL AS cancelled,
              (r.status = ${referralStatus('shortlisted')} AND ${shownToProvider('n.referral_id', 'n.vacancy_id', 'n.provider_id')}) AS visible,
              w.url, w.secret
         FROM provider_notifications n
         JOIN referrals r ON r.id = n.referral_id
         LEFT JOIN provider_webhooks w ON w.provider_id = n.provider_id
        WHERE n.id = $1`,
      [notificationId],
    );
    return row ?? null;
  }

  /** Marks it delivered; false if it already was (a duplicate delivery was made and is reported). */
  async markDelivered(notificationId: string): Promise<boolean> {
    const rows = await this.dataSource.transaction((manager) =>
      returningRows(
        manager,
        `UPDATE provider_notifications SET delivered_at = now(), attempts = attempts + 1, last_error = NULL
          WHERE id = $1 AND delivered_at IS NULL RETURNING id`,
        [notificationId],
      ),
    );
    return rows.length > 0;
  }

  async markFailedAttempt(notificationId: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE provider_notifications SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
      notificationId,
      error.slice(0, 200),
    ]);
  }

  /** Every retry failed. */
  async markFailed(notificationId: string): Promise<void> {
    await this.dataSource.query(`UPDATE provider_notifications SET failed_at = now() WHERE id = $1 AND delivered_at IS NULL`, [notificationId]);
  }

  async markCancelled(notificationId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE provider_notifications SET cancelled_at = now() WHERE id = $1 AND delivered_at IS NULL AND cancelled_at IS NULL`,
      [notificationId],
    );
  }
}
