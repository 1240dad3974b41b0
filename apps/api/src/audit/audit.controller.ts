import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '@app/domain';
import { AuditRepository, type AuditEntryView } from '@app/persistence';
import { Roles } from '../auth/auth.decorators';
import { toCsv } from '../common/csv';
import { ApiErrors } from '../common/error.response';
import { DEFAULT_PAGE_SIZE } from '../common/page.query';
import { AuditQuery } from './dto/audit.query';
import { AuditTrailResponse } from './dto/audit.response';

/** The most entries one CSV holds: narrow the search for more. */
const CSV_LIMIT = 10_000;

const CSV_COLUMNS = [
  'id',
  'occurredAt',
  'userId',
  'role',
  'organisation',
  'action',
  'entityType',
  'entityId',
  'referralId',
  'requestId',
] as const satisfies readonly (keyof AuditEntryView)[];

@ApiTags('audit')
@ApiBearerAuth()
@ApiErrors(401)
@Roles('admin')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get('audit')
  @ApiOperation({ summary: 'Who read a child or was shown one, and when, by referral, user or day: oldest first' })
  @ApiOkResponse({ type: AuditTrailResponse })
  @ApiErrors(400)
  async list(@Query() query: AuditQuery) {
    const { items, total } = await this.audit.search(filterOf(query), { limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 });
    return { ...(query.referralId ? { referralId: query.referralId } : {}), items, total };
  }

  @Get('audit.csv')
  @ApiOperation({ summary: `The same search as CSV, oldest first, up to ${CSV_LIMIT.toLocaleString('en-GB')} entries` })
  @ApiOkResponse({ description: 'RFC 4180 with a header row', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400)
  async csv(@Query() query: AuditQuery, @Res({ passthrough: true }) response: Response) {
    const { items } = await this.audit.search(filterOf(query), { limit: CSV_LIMIT, offset: 0 });
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="audit.csv"');
    return toCsv(CSV_COLUMNS, items.map((item) => ({ ...item, occurredAt: new Date(item.occurredAt).toISOString() })));
  }
}

/** The search's filters: at least one, so the whole trail is never read by accident. */
function filterOf(query: AuditQuery) {
  const { referralId, userId, from, to } = query;
  if (!referralId && !userId && !from && !to) {
    throw DomainError.invalid('referralId', 'give a referralId, a userId, or a from or to day');
  }
  if (from && to && to < from) throw DomainError.invalid('to', 'must not be before from');
  return { referralId, userId, from, to };
}
