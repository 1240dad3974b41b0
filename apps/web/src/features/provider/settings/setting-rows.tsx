import { ListValue, type SummaryRow } from '../../../components/summary-list';
import { GENDER_WORDS, NEED_LEVEL_WORDS, needWords, ofstedWords, placementTypeWords } from '../../../lib/words';
import type { Setting } from '../types';

export const ageRange = (setting: Pick<Setting, 'ageMin' | 'ageMax'>) => `${setting.ageMin} to ${setting.ageMax}`;

/** A home as its provider sees it, every field in words. */
export function settingRows(setting: Setting): SummaryRow[] {
  return [
    { key: 'Placement type', value: placementTypeWords(setting.placementType) },
    { key: 'Ofsted URN', value: setting.ofstedUrn ?? 'Not given' },
    { key: 'Ofsted grade', value: ofstedWords(setting.ofstedGrade) },
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
