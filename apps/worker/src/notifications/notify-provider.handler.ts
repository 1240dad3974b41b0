import { Injectable, Logger } from '@nestjs/common';
import { Environment } from '@app/config';
import { NotificationRepository } from '@app/persistence';
import { HandlesJob, JobHandler } from '@app/queue';
import { JobName, JobPayloads } from '@app/jobs';
import { postJson } from './deliver';
import { signatureOf } from './signature';

/** The longest a provider's endpoint may stay silent; the whole delivery is bounded by WEBHOOK_TOTAL_TIMEOUT_MS. */
const IDLE_TIMEOUT_MS = 10_000;

/** Thrown for a non-2xx answer, so BullMQ retries with backoff; carries only the status. */
export class DeliveryFailed extends Error {
  constructor(readonly reason: string) {
    super(`webhook delivery failed: ${reason}`);
    this.name = 'DeliveryFailed';
  }
}

/**
 * POSTs one alert to the provider's webhook, signed with its secret, and records the 2xx. Every
 * attempt re-reads the alert: one already delivered is not sent again, and one whose referral the
 * provider may no longer see (withdrawn, placed, its vacancy re-ranked off the shortlist) is
 * cancelled instead of sent. A failure (non-2xx, timeout, deadline, refused connection) is retried with
 * backoff (job-options.ts) until the provider is back. Receivers can drop the rare duplicate (the
 * process dying between their 2xx and our record of it) by the `X-Delivery-Id` header.
 */
@Injectable()
@JobHandler(JobName.NotifyProvider)
export class NotifyProviderHandler implements HandlesJob<JobName.NotifyProvider> {
  private readonly logger = new Logger(NotifyProviderHandler.name);

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly env: Environment,
  ) {}

  async handle({ notificationId }: JobPayloads[JobName.NotifyProvider]) {
    const alert = await this.notifications.pending(notificationId);
    if (!alert || alert.delivered || alert.cancelled) return { sent: false, why: 'already settled' };
    if (!alert.visible) {
      await this.notifications.markCancelled(notificationId);
      return { sent: false, why: 'no longer the provider’s to see' };
    }
    if (!alert.url || !alert.secret) return { sent: false, why: 'no webhook' };
    const body = JSON.stringify({ event: alert.event, referralId: alert.referralId, vacancyId: alert.vacancyId, urgency: alert.urgency });
    let status: number;
    try {
      status = await postJson(
        alert.url,
        body,
        {
          'Content-Type': 'application/json',
          'User-Agent': 'placement-matching-webhooks',
          'X-Signature': signatureOf(body, alert.secret),
          'X-Delivery-Id': alert.id,
          'X-Event': alert.event,
        },
        {
          timeoutMs: IDLE_TIMEOUT_MS,
          totalTimeoutMs: this.env.WEBHOOK_TOTAL_TIMEOUT_MS,
          allowPrivateNetworks: this.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
        },
      );
    } catch (error) {
      // 'timeout' (the endpoint went silent) or 'deadline' (it took longer than the whole delivery may).
      const reason = error instanceof Error ? (error.name === 'TimeoutError' ? error.message : error.name) : 'error';
      await this.notifications.markFailedAttempt(notificationId, reason);
      throw new DeliveryFailed(reason);
    }
    if (status < 200 || status >= 300) {
      await this.notifications.markFailedAttempt(notificationId, `HTTP ${status}`);
      throw new DeliveryFailed(`HTTP ${status}`);
    }
    const first = await this.notifications.markDelivered(notificationId);
    if (!first) this.logger.warn({ notificationId }, 'alert delivered again after an earlier success');
    return { sent: true };
  }

  /** Every retry failed: the alert shows `failed`, and registering the webhook again retries it. */
  async onFinalFailure({ notificationId }: JobPayloads[JobName.NotifyProvider]): Promise<void> {
    await this.notifications.markFailed(notificationId);
  }
}
