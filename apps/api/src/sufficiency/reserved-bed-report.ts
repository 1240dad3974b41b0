import { emptyNightsCost, reservedNights } from '@app/domain';
import type { ReservedVacancyRow } from '@app/persistence';

/** Each reserved vacancy's beds, empty bed-nights in the period and their cost, with the sums. */
export function reservedBedReport(rows: readonly ReservedVacancyRow[], period: { from: string; to: string }, today: string) {
  const items = rows.map(({ fills, beds: bedsFree, ...row }) => {
    const { beds, nightsEmpty } = reservedNights({ ...row, beds: bedsFree, fills }, period, today);
    return { ...row, beds, nightsEmpty, costOfEmptyNights: emptyNightsCost(nightsEmpty, row.weeklyCost) };
  });
  const totals = { beds: 0, nightsEmpty: 0, costOfEmptyNights: 0 };
  for (const item of items) {
    totals.beds += item.beds;
    totals.nightsEmpty += item.nightsEmpty;
    totals.costOfEmptyNights += item.costOfEmptyNights;
  }
  return { items, totals };
}

export type ReservedBedItem = ReturnType<typeof reservedBedReport>['items'][number];
