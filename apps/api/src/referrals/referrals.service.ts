import { Injectable } from '@nestjs/common';
import { ageInYears, DomainError, DomainErrorCode, FieldProblem } from '@app/domain';
import {
  type AuditActor,
  AuditRepository,
  StoredMatchesRepository,
  OutboxSignal,
  PostcodeDirectory,
  ReferralDetail,
  ReferralRepository,
} from '@app/persistence';
import type { Principal } from '../auth/principal';
import { calendarDay } from '../common/date.validators';
import { DEFAULT_PAGE_SIZE } from '../common/page.query';
import { CreateReferralDto } from './dto/create-referral.dto';
import { ListReferralsQuery } from './dto/list-referrals.query';
import type { ExclusionListResponse, MatchListResponse } from './dto/matches.response';
import { requestHash } from './request-hash';

@Injectable()
export class ReferralsService {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly postcodes: PostcodeDirectory,
    private readonly outbox: OutboxSignal,
    private readonly storedMatches: StoredMatchesRepository,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Stores the referral and its matching job atomically; matching happens in the worker. Returns
   * whether this call created it (202) or replayed an earlier identical request (200).
   */
  async submit(principal: Principal, idempotencyKey: string, dto: CreateReferralDto) {
    const localAuthorityCode = organisationOf(principal);
    const requiredBy = calendarDay(dto.requiredBy);
    const dateOfBirth = calendarDay(dto.child.dateOfBirth);
    const problems: FieldProblem[] = [];
    if (ageInYears(dateOfBirth, requiredBy) >= 18) {
      problems.push({ field: 'child.dateOfBirth', problem: 'must make the child under 18 on requiredBy' });
    }
    const home = await this.postcodes.resolve(dto.child.homePostcode);
    if (!home.ok) problems.push({ field: 'child.homePostcode', problem: home.problem });
    if (problems.length > 0 || !home.ok) {
      throw new DomainError(DomainErrorCode.InvalidInput, 'Validation failed', problems);
    }
    const { child } = dto;
    const result = await this.referrals.submit(
      {
        localAuthorityCode,
        createdByUserId: principal.userId,
        idempotencyKey,
        requestHash: requestHash(dto),
        urgency: dto.urgency,
        requiredBy,
        placementTypes: dto.placementTypes,
        maxDistanceMiles: dto.maxDistanceMiles ?? null,
        weeklyBudget: dto.weeklyBudget ?? null,
        notes: dto.notes ?? null,
        child: {
          localReference: child.localReference,
          dateOfBirth,
          gender: child.gender,
          homePostcode: home.value.postcode,
          homeDistrict: home.value.district,
          legalStatus: child.legalStatus,
          categoryOfNeed: child.categoryOfNeed,
          needs: child.needs.map(({ code, level, essential }) => ({ code, level, essential })),
          siblingGroupSize: child.siblingGroupSize ?? 1,
          ehcp: child.ehcp ?? false,
          preferences: child.preferences ? { ...child.preferences } : null,
        },
      },
    );
    if (result.outcome === 'created') this.outbox.signal();
    if (result.outcome === 'key_reused') {
      throw new DomainError(
        DomainErrorCode.Conflict,
        'This Idempotency-Key was already used for a different referral; use a new key for a new referral',
      );
    }
    const { id, status, urgency, createdAt } = result.referral;
    return { created: result.outcome === 'created', body: { id, status, urgency, createdAt } };
  }

  /** The referral with its child's identifiable record: every read is audited. */
  async get(principal: Principal, actor: AuditActor, id: string) {
    const referral = await this.referrals.findForLocalAuthority(id, organisationOf(principal));
    if (!referral) throw DomainError.notFound('Referral');
    await this.audit.record(actor, 'read_child', [{ entityType: 'referral', entityId: id, referralId: id }]);
    return toView(referral);
  }

  /** The ranked shortlist, best first, each with its provider and setting named; empty until the referral has been matched. */
  async matches(principal: Principal, id: string): Promise<MatchListResponse> {
    const stored = await this.storedMatches.findMatches(id, organisationOf(principal));
    if (!stored) throw DomainError.notFound('Referral');
    return { referralId: stored.referralId, status: stored.status, computedAt: stored.computedAt, stale: stored.stale, items: stored.items };
  }

  /** The open vacancies ruled out, nearest first, up to 200, each with every reason and its provider and setting named. */
  async exclusions(principal: Principal, id: string): Promise<ExclusionListResponse> {
    const stored = await this.storedMatches.findExclusions(id, organisationOf(principal));
    if (!stored) throw DomainError.notFound('Referral');
    return { referralId: stored.referralId, status: stored.status, computedAt: stored.computedAt, stale: stored.stale, items: stored.items };
  }

  /** A page of referrals with their children: one audit row per referral shown. */
  async list(principal: Principal, actor: AuditActor, query: ListReferralsQuery) {
    const referrals = await this.referrals.list({
      localAuthorityCode: organisationOf(principal),
      status: query.status,
      urgency: query.urgency,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      offset: query.offset ?? 0,
    });
    await this.audit.record(
      actor,
      'read_child',
      referrals.map((referral) => ({ entityType: 'referral', entityId: referral.id, referralId: referral.id })),
    );
    return referrals.map(toView);
  }

  async withdraw(principal: Principal, actor: AuditActor, id: string) {
    const result = await this.referrals.withdraw(id, organisationOf(principal));
    if (result.outcome === 'not_found') throw DomainError.notFound('Referral');
    if (result.outcome === 'not_withdrawable') {
      throw new DomainError(DomainErrorCode.Conflict, `A ${result.status} referral cannot be withdrawn`);
    }
    return this.get(principal, actor, id);
  }
}

function organisationOf(principal: Principal): string {
  if (!principal.localAuthorityCode) throw new DomainError(DomainErrorCode.Forbidden, 'Only placement teams handle referrals');
  return principal.localAuthorityCode;
}

function toView(referral: ReferralDetail) {
  const { shortlistedAt, placementId, followsReferralId, ...rest } = referral;
  return {
    ...rest,
    ...(followsReferralId ? { followsReferralId } : {}),
    ...(shortlistedAt ? { shortlistedAt } : {}),
    ...(placementId ? { placementId } : {}),
  };
}
