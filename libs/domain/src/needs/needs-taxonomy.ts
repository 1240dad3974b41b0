/** The needs a referral can state and a setting can support, each up to a level of 1-3. */
export const NEEDS_TAXONOMY = {
  behaviour: [
    'challenging-behaviour',
    'aggression',
    'self-harm',
    'going-missing',
    'cse-risk',
    'cce-risk',
    'substance-misuse',
    'fire-setting',
    'harmful-sexual-behaviour',
    'offending',
  ],
  'health-and-disability': [
    'learning-disability',
    'autism',
    'physical-disability',
    'complex-health',
    'mental-health',
    'sensory-impairment',
  ],
  education: ['ehcp', 'not-in-education'],
  circumstances: [
    'sibling-group',
    'parent-and-child',
    'unaccompanied-asylum-seeking',
    'remand',
    'trauma',
  ],
} as const;

export type NeedGroup = keyof typeof NEEDS_TAXONOMY;
export type NeedCode = (typeof NEEDS_TAXONOMY)[NeedGroup][number];

export const NEED_CODES: readonly NeedCode[] = Object.values(NEEDS_TAXONOMY).flat();
export const NEED_LEVEL_MIN = 1;
export const NEED_LEVEL_MAX = 3;

const needCodeSet = new Set<string>(NEED_CODES);
export function isNeedCode(value: unknown): value is NeedCode {
  return typeof value === 'string' && needCodeSet.has(value);
}
