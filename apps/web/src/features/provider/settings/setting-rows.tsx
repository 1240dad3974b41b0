import { ListValue, type SummaryRow } from '../../../components/summary-list';
import { GENDER_WORDS, NEED_LEVEL_WORDS, needWords, ofstedWords, placementTypeWords } from '../../../lib/words';
import { formatDate } from '../../../lib/format';
import type { Setting } from '../types';

export const ageRange = (setting: Pick<Setting, 'ageMin' | 'ageMax'>) => `${setting.ageMin} to ${setting.ageMax}`;

/** A home as its provider sees it, every field in words. */
export function settingRows(setting: Setting): SummaryRow[] {
  return [
    { key: 'Placement type', value: placementTypeWords(setting.placementType) },
    { key: 'Ofsted URN', value: setting.ofstedUrn ?? 'Not given' },
    {
      key: 'Ofsted grade',
      value:
        setting.ofstedGradeSource === 'register' ? (
          `${ofstedWords(setting.ofstedGrade)}, from Ofsted's register${setting.inspectedOn ? ` (inspected ${formatDate(setting.inspectedOn)})` : ''}`
        ) : (
          <>
            {ofstedWords(setting.ofstedGrade)} <strong className="govuk-tag govuk-tag--yellow">Grade not verified with Ofsted</strong>
          </>
        ),
    },
    { key: 'Postcode', value: setting.postcode },
    { key: 'Registered places', value: String(setting.registeredPlaces) },
    { key: 'Ages', value: ageRange(setting) },
    { key: 'Genders', value: setting.genders.map((gender) => GENDER_WORDS[gender] ?? gender).join(', ') },
    {
      key: 'Needs supported',
      value: (
        <ListValue
          items={setting.needsSupported.map((need) => `${needWords(need.code)}: ${NEED_LEVEL_WORDS[need.level] ?? need.level}`)}
          none="None stated"
        />
      ),
    },
    {
      key: 'Needs we cannot accept',
      value: setting.needsExcluded.length === 0 ? 'None' : setting.needsExcluded.map(needWords).join(', '),
    },
  ];
}
