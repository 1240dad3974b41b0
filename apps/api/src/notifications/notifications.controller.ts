import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Environment } from '@app/config';
import { DomainError, DomainErrorCode, isRegistrableHost } from '@app/domain';
import { NotificationRepository, OutboxSignal } from '@app/persistence';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { DEFAULT_PAGE_SIZE, PageQuery } from '../common/page.query';
import { NotificationListResponse, WebhookResponse } from './dto/notification.response';
import { WebhookDto } from './dto/webhook.dto';

/**
 * Providers' emergency alerts: a webhook to receive them as signed POSTs, and the list of them for
 * a provider that polls or missed one.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly outbox: OutboxSignal,
    private readonly env: Environment,
  ) {}

  @Put('providers/:id/webhook')
  @Roles('provider_user', 'admin')
  @ApiOperation({
    summary:
      'Register or replace the webhook for emergency alerts: each is POSTed as { event, referralId, vacancyId, urgency } with X-Signature: sha256=<hex HMAC of the body>. Alerts of the last day not yet received are sent to it.',
  })
  @ApiOkResponse({ type: WebhookResponse })
  @ApiErrors(400, [404, "No such provider, or not the caller's"])
  async setWebhook(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: WebhookDto) {
    if (principal.role !== 'admin' && principal.providerId !== id) throw DomainError.notFound('Provider');
    if (!this.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS) {
      const url = new URL(body.url);
      if (url.protocol !== 'https:') throw DomainError.invalid('url', 'must be an https URL');
      if (!isRegistrableHost(url.hostname)) throw DomainError.invalid('url', 'must be a public address');
    }
    const webhook = await this.notifications.setWebhook(id, { url: body.url, secret: body.secret });
    if (!webhook) throw DomainError.notFound('Provider');
    if (webhook.queued > 0) this.outbox.signal();
    return webhook;
  }

  @Get('provider/notifications')
  @Roles('provider_user')
  @ApiOperation({ summary: "The caller's alerts, newest first, with how each delivery stands" })
  @ApiOkResponse({ type: NotificationListResponse })
  @ApiErrors(400)
  async list(@CurrentUser() principal: Principal, @Query() query: PageQuery) {
    if (!principal.providerId) throw new DomainError(DomainErrorCode.Forbidden, 'Only providers receive alerts');
    const items = await this.notifications.list(principal.providerId, { limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 });
    return { items };
  }
}
