import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { SendReferralDto } from './dto/send-referral.dto';
import { RecipientListResponse } from './dto/recipients.response';
import { RecipientsService } from './recipients.service';

/** Who a referral of the caller's LA is sent to: only those providers ever see it. */
@ApiTags('targeting')
@ApiBearerAuth()
@ApiErrors(401, 400, [404, "No such referral of the caller's LA"])
@Roles('placement_officer')
@Controller('referrals/:id/recipients')
export class RecipientsController {
  constructor(private readonly recipients: RecipientsService) {}

  @Get()
  @ApiOperation({ summary: 'The providers the referral was sent to, what and when, first sent first; sentBy null: sent automatically' })
  @ApiOkResponse({ type: RecipientListResponse })
  list(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string): Promise<RecipientListResponse> {
    return this.recipients.list(principal, id);
  }

  @Post()
  @ApiOperation({
    summary:
      "Send the shortlisted referral to more providers, each with a vacancy on its current shortlist (400 naming providerIds[i] otherwise); providers already sent it are left as they were, so repeating is safe. 409 unless the referral is shortlisted.",
  })
  @ApiCreatedResponse({ type: RecipientListResponse, description: 'Every provider the referral has now been sent to' })
  @ApiErrors([409, 'The referral is not shortlisted: only a shortlisted referral is sent'])
  send(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: SendReferralDto): Promise<RecipientListResponse> {
    return this.recipients.send(principal, id, body);
  }
}
