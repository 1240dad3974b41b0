import { Injectable, Optional } from '@nestjs/common';
import { Environment } from '@app/config';
import { DEFAULT_VACANCY_STALE_DAYS, DomainError, DomainErrorCode, todayInEngland } from '@app/domain';
import {
  type AuditAction,
  type AuditActor,
  AuditRepository,
  OutboxSignal,
  OutcomeRepository,
  type Page,
  type PlacementListItem,
  PlacementRepository,
} from '@app/persistence';
import type { Principal } from '../auth/principal';
import { calendarDay } from '../common/date.validators';
import { listPage } from '../common/page.query';
import type { EndPlacementDto } from './dto/end-placement.dto';
import type { LaPlacementResponse, ProviderPlacementResponse } from './dto/placement.response';
import type { PlacementsQuery } from './dto/placements.query';
import type { PlacementListResponse } from './dto/placements.response';
import type { ConfirmOutcomeDto, CreateOutcomeDto, OutcomeProgressDto, PlacementFeedbackDto } from './dto/outcome.dto';

@Injectable()
export class PlacementsService {
  constructor(
    private readonly placements: PlacementRepository,
    private readonly outcomes: OutcomeRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxSignal,
    @Optional() private readonly env?: Environment,
  ) {}

  /** Exactly once: racing acceptances for the last bed or for one referral get one 201, the rest 409. */
  async accept(principal: Principal, offerId: string) {
    const placer = { localAuthorityCode: laOf(principal), userId: principal.userId };
    const result = await this.placements.accept(
      offerId,
      placer,
      todayInEngland(),
      this.env?.VACANCY_STALE_DAYS ?? DEFAULT_VACANCY_STALE_DAYS,
    );
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
      case 'unfit':
        throw new DomainError(
          DomainErrorCode.Conflict,
          `The vacancy no longer meets the referral's hard constraints: ${result.reasons.join(', ')}`,
        );
      case 'held':
        throw new DomainError(DomainErrorCode.Conflict, "The vacancy's free bed is held for another referral");
    }
  }

  /**
   * The placement with its outcomes and feedback. The placing LA sees which of its children it is;
   * the provider, its offer accepted, what it needs to receive the child: the anonymised summary it
   * was offered the referral with, the date of birth, and the placing officer to call. Either read is
   * audited, the provider's as a disclosure.
   */
  async get(principal: Principal, actor: AuditActor, id: string): Promise<LaPlacementResponse | ProviderPlacementResponse> {
    const placement = await this.placements.findFor(id, {
      localAuthorityCode: principal.localAuthorityCode,
      providerId: principal.providerId,
    });
    if (!placement) throw DomainError.notFound('Placement');
    const forLa = principal.localAuthorityCode === placement.localAuthorityCode;
    const [seen, outcomes, feedback] = await Promise.all([
      forLa ? this.placements.childIdentity(placement.referralId).then((child) => ({ child })) : this.placements.providerHandover(id),
      this.outcomes.outcomesOf(id),
      this.outcomes.feedbackOf(id),
    ]);
    await this.audit.record(actor, forLa ? 'read_child' : 'disclose_placement', [
      { entityType: 'placement', entityId: id, referralId: placement.referralId },
    ]);
    return { ...placement, ...seen, outcomes, feedback };
  }

  /**
   * The caller's placements, newest first: a placement team's own LA's, with which child each is (a
   * read of each child, audited); a provider's own, with what it needs to receive each child (a
   * disclosure each, audited).
   */
  async list(principal: Principal, actor: AuditActor, query: PlacementsQuery): Promise<PlacementListResponse> {
    const filter = { state: query.state, ...listPage(query) };
    return principal.role === 'provider_user'
      ? this.shown(actor, 'disclose_placement', await this.placements.listForProvider(providerOf(principal), filter))
      : this.shown(actor, 'read_child', await this.placements.listForLocalAuthority(laOf(principal), filter));
  }

  /** A page of placements as shown, with one audit row per placement on it. */
  private async shown<T extends PlacementListItem>(actor: AuditActor, action: AuditAction, page: Page<T>) {
    await this.audit.record(
      actor,
      action,
      page.items.map((item) => ({ entityType: 'placement', entityId: item.id, referralId: item.referralId })),
    );
    return { items: page.items.map(withEndingIfEnded), total: page.total };
  }

  async end(principal: Principal, id: string, dto: EndPlacementDto) {
    const la = laOf(principal);
    const current = await this.placements.findFor(id, { localAuthorityCode: la });
    if (!current) throw DomainError.notFound('Placement');
    const endDate = calendarDay(dto.endDate);
    if (endDate < current.startDate) throw DomainError.invalid('endDate', 'must not be before the placement started');
    // An ending is recorded when it has happened: a breakdown tonight, or a planned move today.
    if (endDate > todayInEngland()) throw DomainError.invalid('endDate', 'must not be in the future');
    const result = await this.placements.end(id, la, { endDate, reason: dto.reason, planned: dto.planned });
    if (result.outcome === 'not_found') throw DomainError.notFound('Placement');
    if (result.outcome === 'already_ended') throw new DomainError(DomainErrorCode.Conflict, 'The placement has already ended');
    this.outbox.signal();
    return result.placement;
  }

  /** A SMART outcome for a live placement, set by the placing LA. */
  async addOutcome(principal: Principal, id: string, dto: CreateOutcomeDto) {
    const la = laOf(principal);
    const current = await this.placements.findFor(id, { localAuthorityCode: la });
    if (!current) throw DomainError.notFound('Placement');
    const targetDate = calendarDay(dto.targetDate);
    if (targetDate < current.startDate) throw DomainError.invalid('targetDate', 'must not be before the placement started');
    const result = await this.outcomes.create(
      id,
      la,
      { kind: dto.kind, description: dto.description.trim(), targetDate, status: dto.status },
      { userId: principal.userId, role: principal.role },
    );
    if (result.outcome === 'not_found') throw DomainError.notFound('Placement');
    if (result.outcome === 'ended') throw new DomainError(DomainErrorCode.Conflict, 'The placement has ended; outcomes are set while it lasts');
    return result.view;
  }

  /** Progress towards an outcome, from the LA or the provider: one more step of the journey. */
  async progress(principal: Principal, id: string, outcomeId: string, dto: OutcomeProgressDto) {
    const result = await this.outcomes.progress(
      id,
      outcomeId,
      { localAuthorityCode: principal.localAuthorityCode, providerId: principal.providerId },
      { status: dto.status, note: dto.note?.trim() || null },
      { userId: principal.userId, role: principal.role },
    );
    if (result.outcome !== 'recorded') throw DomainError.notFound('Outcome');
    return result.view;
  }

  /** The placing LA confirms the achievement its provider proposed. */
  async confirmAchieved(principal: Principal, id: string, outcomeId: string, dto: ConfirmOutcomeDto) {
    const result = await this.outcomes.confirm(id, outcomeId, laOf(principal), dto.note?.trim() || null, {
      userId: principal.userId,
      role: principal.role,
    });
    if (result.outcome === 'not_found') throw DomainError.notFound('Outcome');
    if (result.outcome === 'nothing_proposed') {
      throw new DomainError(DomainErrorCode.Conflict, 'The provider has not proposed this outcome as achieved; record progress instead');
    }
    return result.view;
  }

  /** The LA's end-of-placement feedback, with the young person's view; once, after the placement ends. */
  async feedback(principal: Principal, id: string, dto: PlacementFeedbackDto) {
    const result = await this.outcomes.recordFeedback(
      id,
      laOf(principal),
      { rating: dto.rating, comments: dto.comments.trim(), youngPersonView: dto.youngPersonView?.trim() ?? null },
      { userId: principal.userId, role: principal.role },
    );
    switch (result.outcome) {
      case 'recorded':
        return result.view;
      case 'not_found':
        throw DomainError.notFound('Placement');
      case 'still_active':
        throw new DomainError(DomainErrorCode.Conflict, 'Feedback is given when the placement ends');
      case 'already_given':
        throw new DomainError(DomainErrorCode.Conflict, 'Feedback for this placement has already been given');
    }
  }
}

/** A list item's ending (date, reason, planned) only once the placement has ended. */
function withEndingIfEnded<T extends PlacementListItem>(item: T) {
  const { endDate, endReason, planned, ...rest } = item;
  return { ...rest, ...(endDate === null ? {} : { endDate, endReason: endReason ?? undefined, planned: planned ?? undefined }) };
}

function providerOf(principal: Principal): string {
  if (!principal.providerId) throw new DomainError(DomainErrorCode.Forbidden, 'Only providers and placement teams list placements');
  return principal.providerId;
}

function laOf(principal: Principal): string {
  if (!principal.localAuthorityCode) throw new DomainError(DomainErrorCode.Forbidden, 'Only placement teams place children');
  return principal.localAuthorityCode;
}
