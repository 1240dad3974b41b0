import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@app/domain';
import { HoldRepository, VacancyRepository } from '@app/persistence';
import type { Principal } from '../auth/principal';
import type { CreateHoldDto } from './dto/hold.dto';

/** Holding a bed for a referral (see HoldsController): who may, and each refusal as the contract words it. */
@Injectable()
export class HoldsService {
  constructor(
    private readonly holds: HoldRepository,
    private readonly vacancies: VacancyRepository,
  ) {}

  async create(principal: Principal, vacancyId: string, body: CreateHoldDto) {
    const la = principal.localAuthorityCode;
    if (!la) throw new DomainError(DomainErrorCode.Forbidden, 'Only placement teams hold beds');
    const result = await this.holds.hold(vacancyId, { referralId: body.referralId, localAuthorityCode: la, userId: principal.userId, minutes: body.minutes });
    switch (result.outcome) {
      case 'held':
        return { id: result.hold.id, expiresAt: result.hold.expiresAt, vacancyId, referralId: body.referralId };
      case 'referral_not_found':
        throw DomainError.notFound('Referral');
      case 'vacancy_not_found':
        throw DomainError.notFound('Vacancy');
      case 'not_on_shortlist':
        throw new DomainError(DomainErrorCode.Conflict, "The vacancy is not on the referral's current shortlist");
      case 'not_sent':
        throw new DomainError(DomainErrorCode.Conflict, "The referral has not been sent to the vacancy's provider: send it before holding a bed");
      case 'already_held':
        throw new DomainError(DomainErrorCode.Conflict, 'The referral already holds a bed of this vacancy');
      case 'no_free_bed':
        throw new DomainError(DomainErrorCode.Conflict, 'The vacancy has no free bed to hold');
    }
  }

  /** Live holds on a vacancy: all of them for its provider, the caller's own for a placing team. */
  async list(principal: Principal, vacancyId: string) {
    const vacancy = await this.vacancies.findById(vacancyId);
    if (!vacancy || (principal.role === 'provider_user' && principal.providerId !== vacancy.providerId)) throw DomainError.notFound('Vacancy');
    const live = await this.holds.live(vacancyId);
    const items = principal.localAuthorityCode ? live.filter((hold) => hold.localAuthorityCode === principal.localAuthorityCode) : live;
    return { vacancyId, items };
  }

  /** Gives a live hold of the caller's LA back before it lapses. */
  async release(principal: Principal, vacancyId: string, holdId: string): Promise<void> {
    const released = principal.localAuthorityCode && (await this.holds.release(vacancyId, holdId, principal.localAuthorityCode));
    if (!released) throw DomainError.notFound('Live hold');
  }
}
