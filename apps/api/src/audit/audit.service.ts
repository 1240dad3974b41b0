import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { AuditRepository, type AuditEntryView } from '@app/persistence';
import { csvFile, type CsvFile } from '../common/csv';
import { DEFAULT_PAGE_SIZE } from '../common/page.query';
import type { AuditQuery } from './dto/audit.query';

/** The most entries one CSV holds: narrow the search for more. */
export const CSV_LIMIT = 10_000;

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

/** Searches of the audit trail, for admins. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async search(query: AuditQuery) {
    const { items, total } = await this.audit.search(filterOf(query), { limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 });
    return { ...(query.referralId ? { referralId: query.referralId } : {}), items, total };
  }

  async searchCsv(query: AuditQuery): Promise<CsvFile> {
    const { items } = await this.audit.search(filterOf(query), { limit: CSV_LIMIT, offset: 0 });
    return csvFile('audit', CSV_COLUMNS, items.map((item) => ({ ...item, occurredAt: new Date(item.occurredAt).toISOString() })));
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
