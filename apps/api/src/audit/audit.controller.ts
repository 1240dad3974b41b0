import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditRepository } from '@app/persistence';
import { Roles } from '../auth/auth.decorators';
import { DEFAULT_PAGE_SIZE } from '../common/page.query';
import { AuditQuery } from './audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @ApiOperation({ summary: "Who read a referral's child or was shown it, and when: oldest first" })
  async list(@Query() query: AuditQuery) {
    const items = await this.audit.forReferral(query.referralId, { limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 });
    return { referralId: query.referralId, items };
  }
}
