import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError, DomainErrorCode, FieldProblem } from '@app/domain';
import { OutboxSignal, RecipientRepository } from '@app/persistence';
import type { Principal } from '../auth/principal';
import type { SendReferralDto } from './dto/send-referral.dto';
import type { RecipientListResponse } from './dto/recipients.response';

/** Delivers an emergency's alerts to the providers it is sent to. */

@Injectable()
export class RecipientsService {
  constructor(
    private readonly recipients: RecipientRepository,
    private readonly outbox: OutboxSignal,
  ) {}

  async list(principal: Principal, referralId: string): Promise<RecipientListResponse> {
    const items = await this.recipients.list(referralId, localAuthorityOf(principal));
    if (!items) throw DomainError.notFound('Referral');
    return { referralId, items };
  }

  async send(principal: Principal, referralId: string, dto: SendReferralDto): Promise<RecipientListResponse> {
    const malformed = problemsAt(dto.providerIds, (id) => !isUUID(id), 'must be a UUID');
    if (malformed.length > 0) throw new DomainError(DomainErrorCode.InvalidInput, 'Validation failed', malformed);
    const providerIds = dto.providerIds.map((id) => id.toLowerCase());
    const result = await this.recipients.send(
      referralId,
      localAuthorityOf(principal),
      { providerIds: [...new Set(providerIds)], userId: principal.userId },
    );
    switch (result.outcome) {
      case 'not_found':
        throw DomainError.notFound('Referral');
      case 'not_shortlisted':
        throw new DomainError(DomainErrorCode.Conflict, `A ${result.status} referral cannot be sent: only a shortlisted one`);
      case 'not_on_shortlist': {
        const missing = new Set(result.providerIds);
        const problem = "has no vacancy on the referral's current shortlist";
        throw new DomainError(DomainErrorCode.InvalidInput, 'Validation failed', problemsAt(providerIds, (id) => missing.has(id), problem));
      }
      case 'sent':
        // An emergency's alerts to the providers newly sent it are in the outbox: wake the relay.
        if (result.alerts > 0) this.outbox.signal();
        return { referralId, items: result.items };
    }
  }
}

/** One problem per failing id, naming its place in the list: `providerIds[2]`. */
function problemsAt(ids: string[], fails: (id: string) => boolean, problem: string): FieldProblem[] {
  return ids.flatMap((id, index) => (fails(id) ? [{ field: `providerIds[${index}]`, problem }] : []));
}

function localAuthorityOf(principal: Principal): string {
  if (!principal.localAuthorityCode) throw new DomainError(DomainErrorCode.Forbidden, 'Only placement teams send referrals');
  return principal.localAuthorityCode;
}
