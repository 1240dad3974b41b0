import { ApiProperty } from '@nestjs/swagger';
import type { AuditAction, AuditedEntity, Role } from '@app/persistence';
import { apiEnum, ROLE, unionMembers } from '../../common/api-enums';
import { TIMESTAMP, UUID } from '../../common/api-formats';

const AUDIT_ACTION = apiEnum(
  'AuditAction',
  unionMembers<AuditAction>({
    read_child: true,
    disclose_summary: true,
    disclose_placement: true,
    update_alliance: true,
    update_provider: true,
  }),
);
const AUDITED_ENTITY = apiEnum(
  'AuditedEntityType',
  unionMembers<AuditedEntity['entityType']>({ referral: true, placement: true, alliance: true, provider: true }),
);

/**
 * One read of a child's identifiable record, or one disclosure of an anonymised part of it to a
 * provider; or one change an admin made to an organisation.
 */
export class AuditEntryResponse {
  @ApiProperty({ description: 'The entry’s number, as a string (it may outgrow a JavaScript number)', example: '1042' })
  id: string;

  @ApiProperty(TIMESTAMP)
  occurredAt: string;

  @ApiProperty({ ...UUID, nullable: true })
  userId: string | null;

  @ApiProperty({ ...ROLE })
  role: Role;

  @ApiProperty({ description: "The caller's LA code, provider id or alliance id, or `platform` for an admin" })
  organisation: string;

  @ApiProperty({
    ...AUDIT_ACTION,
    description:
      '`read_child`: the LA read the identifiable record; `disclose_summary`, `disclose_placement`: a provider was shown the anonymised summary; `update_alliance`, `update_provider`: an admin changed an alliance (name or members) or a provider (name or Ofsted URN)',
  })
  action: AuditAction;

  @ApiProperty({ ...AUDITED_ENTITY })
  entityType: AuditedEntity['entityType'];

  @ApiProperty(UUID)
  entityId: string;

  @ApiProperty({ ...UUID, nullable: true })
  referralId: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The request's X-Request-Id" })
  requestId: string | null;
}

export class AuditTrailResponse {
  @ApiProperty({ ...UUID, required: false, description: 'The referral searched for, when one was' })
  referralId?: string;

  @ApiProperty({ type: 'integer', description: 'Entries matching the search in all' })
  total: number;

  @ApiProperty({ type: [AuditEntryResponse], description: 'Oldest first' })
  items: AuditEntryResponse[];
}
