import type { FieldTarget } from '../../../api/problems';
import type { FieldError } from '../../../components/error-summary';
import { NEED_CODES } from '../../../lib/words';
import type { Setting, SettingBody } from '../types';

/** How a home takes one need: not stated, supported up to a level, or never accepted. */
export type NeedChoice = '' | '1' | '2' | '3' | 'excluded';

export interface SettingDraft {
  name: string;
  placementType: string;
  ofstedUrn: string;
  ofstedGrade: string;
  postcode: string;
  registeredPlaces: string;
  ageMin: string;
  ageMax: string;
  genders: string[];
  needs: Record<string, NeedChoice>;
}

export const EMPTY_SETTING: SettingDraft = {
  name: '',
  placementType: '',
  ofstedUrn: '',
  ofstedGrade: '',
  postcode: '',
  registeredPlaces: '',
  ageMin: '',
  ageMax: '',
  genders: [],
  needs: {},
};

export function draftOfSetting(setting: Setting): SettingDraft {
  const needs: Record<string, NeedChoice> = {};
  for (const need of setting.needsSupported) needs[need.code] = String(need.level) as NeedChoice;
  for (const code of setting.needsExcluded) needs[code] = 'excluded';
  return {
    name: setting.name,
    placementType: setting.placementType,
    ofstedUrn: setting.ofstedUrn ?? '',
    ofstedGrade: setting.ofstedGrade,
    postcode: setting.postcode,
    registeredPlaces: String(setting.registeredPlaces),
    ageMin: String(setting.ageMin),
    ageMax: String(setting.ageMax),
    genders: setting.genders,
    needs,
  };
}

type Field = keyof Omit<SettingDraft, 'needs'> | 'needsExcluded' | 'needsSupported';

export const SETTING_FIELDS: Record<Field, FieldTarget> = {
  name: { id: 'setting-name', label: 'Name of the home' },
  placementType: { id: 'setting-type', label: 'Placement type' },
  ofstedUrn: { id: 'setting-urn', label: 'Ofsted URN' },
  ofstedGrade: { id: 'setting-grade', label: 'Ofsted grade' },
  postcode: { id: 'setting-postcode', label: 'Postcode' },
  registeredPlaces: { id: 'setting-places', label: 'Registered places' },
  ageMin: { id: 'setting-age-min', label: 'Youngest age' },
  ageMax: { id: 'setting-age-max', label: 'Oldest age' },
  genders: { id: 'setting-genders', label: 'Genders' },
  needsSupported: { id: 'setting-needs', label: 'Needs supported' },
  needsExcluded: { id: 'setting-needs', label: 'Needs you cannot accept' },
};

export const needInputId = (code: string) => `setting-need-${code}`;

/** The body the api takes, in the taxonomy's order, or the problems a person can fix before sending. */
export function readSettingDraft(
  draft: SettingDraft,
  providerId: string,
): { body?: SettingBody; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const problem = (field: Field, text: string) => errors.push({ href: SETTING_FIELDS[field].id, text });
  const whole = (text: string, min: number, max: number) => {
    const value = /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : NaN;
    return value >= min && value <= max ? value : null;
  };
  if (!draft.name.trim()) problem('name', 'Enter the name of the home');
  if (!draft.placementType) problem('placementType', 'Select the placement type');
  if (!draft.ofstedGrade) problem('ofstedGrade', 'Select the Ofsted grade');
  if (!draft.postcode.trim()) problem('postcode', 'Enter the postcode, or at least its district, like UB1');
  const registeredPlaces = whole(draft.registeredPlaces, 1, 200);
  if (registeredPlaces === null) problem('registeredPlaces', 'Enter the registered places, from 1 to 200');
  const ageMin = whole(draft.ageMin, 0, 17);
  if (ageMin === null) problem('ageMin', 'Enter the youngest age, from 0 to 17');
  const ageMax = whole(draft.ageMax, 0, 17);
  if (ageMax === null) problem('ageMax', 'Enter the oldest age, from 0 to 17');
  if (draft.genders.length === 0) problem('genders', 'Select at least one gender the home takes');
  if (errors.length > 0) return { errors };
  const urn = draft.ofstedUrn.trim();
  return {
    errors,
    body: {
      providerId,
      name: draft.name.trim(),
      placementType: draft.placementType as SettingBody['placementType'],
      ...(urn ? { ofstedUrn: urn } : {}),
      ofstedGrade: draft.ofstedGrade as SettingBody['ofstedGrade'],
      postcode: draft.postcode.trim(),
      registeredPlaces: registeredPlaces!,
      ageMin: ageMin!,
      ageMax: ageMax!,
      genders: draft.genders as SettingBody['genders'],
      needsSupported: NEED_CODES.filter((code) => /^[123]$/.test(draft.needs[code] ?? '')).map((code) => ({
        code,
        level: Number(draft.needs[code]),
      })),
      needsExcluded: NEED_CODES.filter((code) => draft.needs[code] === 'excluded'),
    },
  };
}

/** Where the api's `needsSupported[2].level` goes: the input of the need sent third. */
export function settingTarget(body: SettingBody | undefined) {
  return (field: string): FieldTarget | undefined => {
    const need = /^needsSupported\[(\d+)\]/.exec(field);
    const code = need ? body?.needsSupported?.[Number(need[1])]?.code : undefined;
    if (code) return { id: needInputId(code), label: 'Needs supported' };
    return SETTING_FIELDS[field as Field];
  };
}
