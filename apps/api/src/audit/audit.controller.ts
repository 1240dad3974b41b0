import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditRepository } from '@app/persistence';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../common/error.response';
import { DEFAULT_PAGE_SIZE } from '../common/page.query';
import { AuditQuery } from './audit.query';
import { AuditTrailResponse } from './audit.response';

@ApiTags('audit')
@ApiBearerAuth()
@ApiErrors(401)
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @ApiOperation({ summary: "Who read a referral's child or was shown it, and when: oldest first" })
  @ApiOkResponse({ type: AuditTrailResponse })
  @ApiErrors(400)
  async list(@Query() query: AuditQuery) {
    const items = await this.audit.forReferral(query.referralId, { limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 });
    return { referralId: query.referralId, items };
  }
}
