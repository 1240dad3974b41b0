import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@app/domain';
import { type AuditActor, AuditRepository, OfferRepository } from '@app/persistence';
import type { Principal } from '../auth/principal';
import { DEFAULT_PAGE_SIZE, listPage, PageQuery } from '../common/page.query';
import type { CreateDeclineDto, CreateOfferDto } from './dto/offer.dto';
import type { DeclineListResponse, ProviderOfferListResponse } from './dto/offer.response';
import type { ProviderOffersQuery } from './dto/provider-offers.query';

/**
 * The provider's side of a referral: the anonymised shortlist view, offers and declines; and the
 * placement team's list of the offers made.
 */
@Injectable()
export class OffersService {
  constructor(
    private readonly offers: OfferRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Every disclosure to a provider is audited: one row per referral shown. */
  async providerReferrals(principal: Principal, actor: AuditActor, query: PageQuery) {
    const providerId = providerOf(principal);
    const summaries = await this.offers.providerReferrals(providerId, {
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      offset: query.offset ?? 0,
    });
    const referralIds = [...new Set(summaries.map((summary) => summary.referralId))];
    await this.audit.record(
      actor,
      'disclose_summary',
      referralIds.map((referralId) => ({ entityType: 'referral', entityId: referralId, referralId })),
    );
    return summaries;
  }

  /** The provider's own offers, newest first, with what became of each. */
  async providerOffers(principal: Principal, query: ProviderOffersQuery): Promise<ProviderOfferListResponse> {
    const page = await this.offers.providerOffers(providerOf(principal), { status: query.status, ...listPage(query) });
    return {
      items: page.items.map(({ placementId, ...offer }) => ({
        ...withClosedReasonsIfSet(offer),
        ...(placementId ? { placementId } : {}),
      })),
      total: page.total,
    };
  }

  async offer(principal: Principal, referralId: string, dto: CreateOfferDto) {
    const result = await this.offers.createOffer({
      referralId,
      vacancyId: dto.vacancyId,
      providerId: providerOf(principal),
      createdByUserId: principal.userId,
      weeklyCost: dto.weeklyCost,
      message: dto.message ?? null,
    });
    if (result.outcome === 'not_shortlisted') throw notShortlisted();
    if (result.outcome === 'already_offered') {
      throw new DomainError(DomainErrorCode.Conflict, 'This vacancy already has a live offer for the referral');
    }
    return withClosedReasonsIfSet(result.offer);
  }

  async decline(principal: Principal, referralId: string, dto: CreateDeclineDto) {
    const result = await this.offers.createDecline({
      referralId,
      vacancyId: dto.vacancyId,
      providerId: providerOf(principal),
      createdByUserId: principal.userId,
      reason: dto.reason,
      note: dto.note ?? null,
    });
    if (result.outcome === 'not_shortlisted') throw notShortlisted();
    return { id: result.id, referralId, vacancyId: dto.vacancyId, reason: dto.reason, withdrawnOffers: result.withdrawnOffers };
  }

  async offersFor(principal: Principal, referralId: string) {
    return listOfOwnReferral(principal, referralId, async (la) => {
      const offers = await this.offers.offersFor(referralId, la);
      return offers && offers.map(withClosedReasonsIfSet);
    });
  }

  /** Why providers said no to a referral of the caller's LA, newest first. */
  async declinesFor(principal: Principal, referralId: string): Promise<DeclineListResponse> {
    return listOfOwnReferral(principal, referralId, (la) => this.offers.declinesFor(referralId, la));
  }
}

/** A list kept on a referral, for its own LA only: null from the read (another LA's, or none) is a 404. */
async function listOfOwnReferral<T>(
  principal: Principal,
  referralId: string,
  read: (localAuthorityCode: string) => Promise<T[] | null>,
): Promise<{ referralId: string; items: T[] }> {
  const items = principal.localAuthorityCode ? await read(principal.localAuthorityCode) : null;
  if (!items) throw DomainError.notFound('Referral');
  return { referralId, items };
}

/** An offer's closedReasons only when a re-match closed it for them. */
function withClosedReasonsIfSet<T extends { closedReasons: string[] | null }>(offer: T) {
  const { closedReasons, ...rest } = offer;
  return { ...rest, ...(closedReasons ? { closedReasons } : {}) };
}

function providerOf(principal: Principal): string {
  if (!principal.providerId) throw new DomainError(DomainErrorCode.Forbidden, 'Only providers answer referrals');
  return principal.providerId;
}

/** The same answer whether the referral does not exist, is not shortlisted, or the vacancy is not on it. */
function notShortlisted(): DomainError {
  return DomainError.notFound('Shortlisted referral for that vacancy of yours');
}
