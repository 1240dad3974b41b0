import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { PageQuery } from '../common/page.query';
import { NotificationListResponse, WebhookResponse } from './dto/notification.response';
import { WebhookDto } from './dto/webhook.dto';
import { NotificationsService } from './notifications.service';

/**
 * Providers' emergency alerts: a webhook to receive them as signed POSTs, and the list of them for
 * a provider that polls or missed one.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Put('providers/:id/webhook')
  @Roles('provider_user', 'admin')
  @ApiOperation({
    summary:
      'Register or replace the webhook for emergency alerts: each is POSTed as { event, referralId, vacancyId, urgency } with X-Signature: sha256=<hex HMAC of the body>. Alerts of the last day not yet received are sent to it.',
  })
  @ApiOkResponse({ type: WebhookResponse })
  @ApiErrors(400, [404, "No such provider, or not the caller's"])
  setWebhook(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: WebhookDto) {
    return this.notifications.setWebhook(principal, id, body);
  }

  @Get('provider/notifications')
  @Roles('provider_user')
  @ApiOperation({ summary: "The caller's alerts, newest first, with how each delivery stands" })
  @ApiOkResponse({ type: NotificationListResponse })
  @ApiErrors(400)
  list(@CurrentUser() principal: Principal, @Query() query: PageQuery) {
    return this.notifications.list(principal, query);
  }
}
