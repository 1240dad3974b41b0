import { Injectable } from '@nestjs/common';
import { Environment } from '@app/config';
import { DomainError, DomainErrorCode, isRegistrableHost } from '@app/domain';
import { NotificationRepository, OutboxSignal } from '@app/persistence';
import type { Principal } from '../auth/principal';
import { DEFAULT_PAGE_SIZE, type PageQuery } from '../common/page.query';
import type { WebhookDto } from './dto/webhook.dto';

/** Providers' webhooks for emergency alerts, and the alerts themselves. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly outbox: OutboxSignal,
    private readonly env: Environment,
  ) {}

  /** Registers or replaces a provider's webhook; alerts of the last day not yet received are queued for it. */
  async setWebhook(principal: Principal, providerId: string, body: WebhookDto) {
    if (principal.role !== 'admin' && principal.providerId !== providerId) throw DomainError.notFound('Provider');
    assertWebhookUrl(body.url, this.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS);
    const webhook = await this.notifications.setWebhook(providerId, { url: body.url, secret: body.secret });
    if (!webhook) throw DomainError.notFound('Provider');
    if (webhook.queued > 0) this.outbox.signal();
    return webhook;
  }

  /** The caller's alerts, newest first. */
  async list(principal: Principal, query: PageQuery) {
    if (!principal.providerId) throw new DomainError(DomainErrorCode.Forbidden, 'Only providers receive alerts');
    const items = await this.notifications.list(principal.providerId, { limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 });
    return { items };
  }
}

/** A webhook is an https URL of a public host, unless the deployment allows private networks (and plain http). */
export function assertWebhookUrl(address: string, allowPrivateNetworks: boolean): void {
  if (allowPrivateNetworks) return;
  const url = new URL(address);
  if (url.protocol !== 'https:') throw DomainError.invalid('url', 'must be an https URL');
  if (!isRegistrableHost(url.hostname)) throw DomainError.invalid('url', 'must be a public address');
}
