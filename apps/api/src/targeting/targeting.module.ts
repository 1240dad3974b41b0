import { Module } from '@nestjs/common';
import { AllianceTargetingController } from './alliance-targeting.controller';
import { AllianceTargetingService } from './alliance-targeting.service';
import { RecipientsController } from './recipients.controller';
import { RecipientsService } from './recipients.service';

/** Who a referral is sent to: the alliance's automatic rule and the placement team's own sends. */
@Module({ controllers: [AllianceTargetingController, RecipientsController], providers: [AllianceTargetingService, RecipientsService] })
export class TargetingModule {}
