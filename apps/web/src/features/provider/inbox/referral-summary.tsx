import { ListValue, SummaryList, type SummaryRow } from '../../../components/summary-list';
import { formatDate, formatWeeklyCost } from '../../../lib/format';
import {
  categoryOfNeedWords,
  childDescription,
  GENDER_WORDS,
  legalStatusWords,
  needWithLevel,
  placementTypeWords,
} from '../../../lib/words';
import type { ChildSummary, ProviderReferral, Vacancy } from '../types';

/** "14-year-old girl from UB1": a card's title. */
export const referralTitle = (item: ChildSummary) =>
  `${childDescription(item.ageYears, item.gender)} from ${item.postcodeDistrict}`;

/** The child as a provider may know them: the api's allow-list, in words. */
export function childRows(child: ChildSummary): SummaryRow[] {
  return [
    { key: 'Age', value: `${child.ageYears}` },
    { key: 'Gender', value: GENDER_WORDS[child.gender] ?? child.gender },
    { key: 'Home postcode district', value: child.postcodeDistrict },
    { key: 'Legal status', value: legalStatusWords(child.legalStatus) },
    { key: 'Category of need', value: categoryOfNeedWords(child.categoryOfNeed) },
    {
      key: 'Needs',
      value: <ListValue items={child.needs.map(needWithLevel)} none="None stated" />,
    },
    { key: 'Siblings to place together', value: child.siblingGroupSize > 1 ? `${child.siblingGroupSize} children` : null },
  ];
}

/** A referral sent to us and the vacancy of ours it matched. */
export function ReferralSummary({ item, vacancy }: { item: ProviderReferral; vacancy?: Vacancy }) {
  return (
    <SummaryList
      rows={[
        { key: 'Needed by', value: formatDate(item.requiredBy) },
        ...childRows(item),
        {
          key: 'Placement types asked for',
          value: <ListValue items={item.placementTypes.map(placementTypeWords)} none="Any" />,
        },
        {
          key: 'Our vacancy it matched',
          value: vacancy
            ? `${vacancy.settingName}: ${vacancy.beds} ${vacancy.beds === 1 ? 'bed' : 'beds'} at ${formatWeeklyCost(vacancy.weeklyCost)}`
            : 'One of our vacancies',
        },
        { key: 'Match score', value: `${Math.round(item.score)} out of 100` },
      ]}
    />
  );
}
