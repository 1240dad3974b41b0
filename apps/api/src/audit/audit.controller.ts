import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { sendCsv } from '../common/csv';
import { ApiErrors } from '../common/error.response';
import { AuditService, CSV_LIMIT } from './audit.service';
import { AuditQuery } from './dto/audit.query';
import { AuditTrailResponse } from './dto/audit.response';

@ApiTags('audit')
@ApiBearerAuth()
@ApiErrors(401)
@Roles('admin')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit')
  @ApiOperation({ summary: 'Who read a child or was shown one, and when, by referral, user or day: oldest first' })
  @ApiOkResponse({ type: AuditTrailResponse })
  @ApiErrors(400)
  list(@Query() query: AuditQuery) {
    return this.audit.search(query);
  }

  @Get('audit.csv')
  @ApiOperation({ summary: `The same search as CSV, oldest first, up to ${CSV_LIMIT.toLocaleString('en-GB')} entries` })
  @ApiOkResponse({ description: 'RFC 4180 with a header row', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400)
  async csv(@Query() query: AuditQuery, @Res({ passthrough: true }) response: Response) {
    return sendCsv(response, await this.audit.searchCsv(query));
  }
}
