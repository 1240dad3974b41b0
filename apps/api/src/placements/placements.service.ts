import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode, todayInEngland } from '@app/domain';
import { OutboxSignal, PlacementRepository } from '@app/persistence';
import type { Principal } from '../auth/principal';
import { calendarDay } from '../common/date.validators';
import { VACANCIES_CHANGED } from '../vacancies/vacancies.service';
import type { EndPlacementDto } from './dto/end-placement.dto';

@Injectable()
export class PlacementsService {
  constructor(
    private readonly placements: PlacementRepository,
    private readonly outbox: OutboxSignal,
  ) {}

  /** Exactly once: racing acceptances for the last bed or for one referral get one 201, the rest 409. */
  async accept(principal: Principal, offerId: string) {
    const result = await this.placements.accept(offerId, laOf(principal), todayInEngland(), VACANCIES_CHANGED);
    switch (result.outcome) {
      case 'placed':
        this.outbox.signal();
        return { placementId: result.placementId };
      case 'not_found':
        throw DomainError.notFound('Offer');
      case 'not_open':
        throw new DomainError(DomainErrorCode.Conflict, result.why);
      case 'no_bed':
        throw new DomainError(DomainErrorCode.Conflict, 'The vacancy has no bed left');
    }
  }

  async get(principal: Principal, id: string) {
    const placement = await this.placements.findFor(id, {
      localAuthorityCode: principal.localAuthorityCode,
      providerId: principal.providerId,
    });
    if (!placement) throw DomainError.notFound('Placement');
    return placement;
  }

  async end(principal: Principal, id: string, dto: EndPlacementDto) {
    const la = laOf(principal);
    const current = await this.placements.findFor(id, { localAuthorityCode: la });
    if (!current) throw DomainError.notFound('Placement');
    const endDate = calendarDay(dto.endDate);
    if (endDate < current.startDate) throw DomainError.invalid('endDate', 'must not be before the placement started');
    const result = await this.placements.end(id, la, { endDate, reason: dto.reason, planned: dto.planned }, VACANCIES_CHANGED);
    if (result.outcome === 'not_found') throw DomainError.notFound('Placement');
    if (result.outcome === 'already_ended') throw new DomainError(DomainErrorCode.Conflict, 'The placement has already ended');
    this.outbox.signal();
    return result.placement;
  }
}

function laOf(principal: Principal): string {
  if (!principal.localAuthorityCode) throw new DomainError(DomainErrorCode.Forbidden, 'Only placement teams place children');
  return principal.localAuthorityCode;
}
