/** The kinds of setting the benchmark generates: their share, needs, exclusions, costs and readiness. */
import {
  EXCLUSION_CANDIDATES as DEMO_EXCLUSION_CANDIDATES,
  NEED_PROFILES as DEMO_NEED_PROFILES,
  type NeedRule,
} from '../../demo/catalogue/need-profiles';

/** The placement types of generated settings, by share: children's homes dominate residential care. */
export const SETTING_MIX = [
  ['K2', 44],
  ['U6', 18],
  ['U4', 10],
  ['U5', 2],
  ['K3', 12],
  ['S1', 5],
  ['R3', 3],
  ['K1', 1],
  ['R1', 2],
  ['R2', 1],
] as const;
export type SettingType = (typeof SETTING_MIX)[number][0];

/** The demo's need profiles, plus those of the settings only the benchmark's national picture has. */
export const NEED_PROFILES: Record<string, readonly NeedRule[]> = {
  ...DEMO_NEED_PROFILES,
  supported: [
    ['unaccompanied-asylum-seeking', 0.7, 1, 3],
    ['not-in-education', 0.8, 1, 3],
    ['going-missing', 0.5, 1, 2],
    ['substance-misuse', 0.5, 1, 2],
    ['cce-risk', 0.4, 1, 2],
    ['mental-health', 0.5, 1, 2],
    ['trauma', 0.7, 1, 2],
    ['offending', 0.3, 1, 2],
    ['parent-and-child', 0.1, 1, 2],
  ],
  familyCentre: [
    ['parent-and-child', 1, 3, 3],
    ['trauma', 0.8, 1, 3],
    ['mental-health', 0.7, 1, 3],
    ['learning-disability', 0.5, 1, 2],
    ['substance-misuse', 0.4, 1, 2],
  ],
  health: [
    ['complex-health', 1, 2, 3],
    ['physical-disability', 0.9, 2, 3],
    ['learning-disability', 0.8, 1, 3],
    ['mental-health', 0.6, 1, 3],
    ['sensory-impairment', 0.6, 1, 3],
    ['autism', 0.6, 1, 3],
    ['ehcp', 0.8, 1, 3],
  ],
};
export const EXCLUSION_CANDIDATES: Record<string, readonly string[]> = {
  ...DEMO_EXCLUSION_CANDIDATES,
  supported: ['fire-setting', 'harmful-sexual-behaviour', 'complex-health', 'physical-disability'],
  familyCentre: ['fire-setting', 'harmful-sexual-behaviour', 'offending'],
  health: ['fire-setting', 'harmful-sexual-behaviour', 'offending', 'substance-misuse'],
};

export const ALL_GENDERS = 'female,male,other';

/** Weekly cost range (£) of a vacancy, by the setting's type. */
export const COSTS: Record<SettingType, readonly [number, number]> = {
  K2: [4_000, 8_000],
  K1: [7_500, 9_500],
  K3: [1_200, 3_000],
  S1: [3_500, 7_000],
  U4: [850, 1_300],
  U5: [900, 1_400],
  U6: [900, 1_400],
  R1: [5_000, 9_000],
  R2: [6_000, 12_000],
  R3: [3_000, 6_000],
};
export const EMERGENCY_READY: Record<SettingType, number> = {
  K2: 0.2,
  K1: 0.3,
  K3: 0.35,
  S1: 0.02,
  U4: 0.15,
  U5: 0.15,
  U6: 0.3,
  R1: 0.1,
  R2: 0.1,
  R3: 0.1,
};
