import { Injectable } from '@nestjs/common';
import { DomainError, lastCompleteMonths, marketPosition, todayInEngland } from '@app/domain';
import { MarketPositionRepository, SufficiencyRepository, type MarketPositionView } from '@app/persistence';
import { assertMayCommission } from '../auth/organisation-access';
import type { Principal } from '../auth/principal';
import { DemandForecaster } from '../sufficiency/demand-forecaster';

/** The months a published position looks back over, and ahead. */
const MONTHS = 12;

/**
 * Market positions: the alliance's commissioner publishes forecast demand and current gaps for
 * providers (small counts suppressed in what is stored, so nothing finer ever leaves); providers,
 * the alliance's commissioners and admins read the latest.
 */
@Injectable()
export class MarketService {
  constructor(
    private readonly positions: MarketPositionRepository,
    private readonly sufficiency: SufficiencyRepository,
    private readonly forecaster: DemandForecaster,
  ) {}

  async publish(principal: Principal, allianceId: string) {
    assertMayCommission(principal, allianceId);
    if (!(await this.sufficiency.exists(allianceId))) throw DomainError.notFound('Alliance');
    const today = todayInEngland();
    const { from, to } = lastCompleteMonths(today, MONTHS);
    // Providers plan against the beds open now, not those of the period's last night.
    const supply = { source: 'live' as const, asOf: today };
    const [demand, needs, forecast] = await Promise.all([
      this.sufficiency.compute(allianceId, from, to, supply),
      this.sufficiency.computeByNeed(allianceId, from, to, supply),
      this.forecaster.forecast(allianceId, MONTHS, today),
    ]);
    const content = marketPosition({ demandRows: demand.rows, needTotals: needs.totals, forecast: forecast.series });
    const view = await this.positions.publish({
      allianceId,
      publishedByUserId: principal.userId,
      periodFrom: from,
      periodTo: to,
      content: { ...content, supply },
    });
    return toResponse(view);
  }

  /** The alliances with a published position: all of them for providers and admins, its own for a commissioner. */
  async published(principal: Principal) {
    const all = await this.positions.published();
    return { items: principal.role === 'commissioner' ? all.filter((each) => each.allianceId === principal.allianceId) : all };
  }

  /** The latest position: any provider may read any alliance's; a commissioner only its own. */
  async latest(principal: Principal, allianceId: string) {
    if (principal.role === 'commissioner') assertMayCommission(principal, allianceId);
    const view = await this.positions.latest(allianceId);
    if (!view) throw DomainError.notFound('Market position');
    return toResponse(view);
  }
}

function toResponse(view: MarketPositionView) {
  const { content, ...rest } = view;
  return { ...rest, ...content };
}
