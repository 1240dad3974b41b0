import { Injectable } from '@nestjs/common';
import { addMonths, firstOfMonth, forecastSeries, lastCompleteMonths, type ForecastMethod } from '@app/domain';
import { SufficiencyRepository } from '@app/persistence';

/** The interval's coverage. */
export const FORECAST_LEVEL = 0.8;

/** The most history a forecast fits: five years of complete months. */
const MAX_HISTORY_MONTHS = 60;

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export interface ForecastRow {
  placementType: string;
  method: ForecastMethod;
  /** YYYY-MM. */
  month: string;
  demand: number;
  lower: number;
  upper: number;
}

/**
 * Monthly referrals by first placement type for the coming months, from the alliance's complete
 * months (up to five years; neither the month its history starts in nor the current month is
 * whole, and the current month is the first forecast).
 */
@Injectable()
export class DemandForecaster {
  constructor(private readonly sufficiency: SufficiencyRepository) {}

  async forecast(allianceId: string, months: number, today: string) {
    const currentMonth = firstOfMonth(today);
    const { from: earliest, to: lastDay } = lastCompleteMonths(today, MAX_HISTORY_MONTHS);
    const firstMonth = await this.sufficiency.firstWholeMonth(allianceId);
    const start = firstMonth && firstMonth > earliest ? firstMonth : earliest;
    const historyMonths: string[] = [];
    for (let month = start; month < currentMonth; month = addMonths(month, 1)) historyMonths.push(month.slice(0, 7));
    const demand = firstMonth && firstMonth < currentMonth ? await this.sufficiency.monthlyDemand(allianceId, start, lastDay) : [];
    const types = [...new Set(demand.map((row) => row.placementType))].sort();
    const ahead = Array.from({ length: months }, (_, i) => addMonths(currentMonth, i).slice(0, 7));
    return {
      allianceId,
      level: FORECAST_LEVEL,
      firstMonth: ahead[0],
      history: { from: historyMonths[0] ?? null, to: historyMonths.at(-1) ?? null, months: demand.length > 0 ? historyMonths.length : 0 },
      series: types.map((placementType) => {
        const counts = historyMonths.map((month) => demand.find((row) => row.month === month && row.placementType === placementType)?.referrals ?? 0);
        const { method, points } = forecastSeries(counts, months, { level: FORECAST_LEVEL });
        return {
          placementType,
          method,
          points: points.map((point, i) => ({
            month: ahead[i],
            demand: oneDecimal(point.mean),
            lower: oneDecimal(point.lower),
            upper: oneDecimal(point.upper),
          })),
        };
      }),
    };
  }
}
