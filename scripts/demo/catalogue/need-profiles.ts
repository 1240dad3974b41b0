/** The needs each kind of setting says it supports, and those it may say it cannot accept. */
import { Prng } from '../deterministic';

/** [need, probability supported, min level, max level] */
export type NeedRule = readonly [string, number, number, number];

export const NEED_PROFILES: Record<string, readonly NeedRule[]> = {
  // A mainstream children's home for teenagers: emotional and behavioural needs.
  homeGeneral: [
    ['challenging-behaviour', 0.95, 1, 3],
    ['trauma', 0.9, 1, 3],
    ['going-missing', 0.8, 1, 3],
    ['aggression', 0.7, 1, 3],
    ['self-harm', 0.65, 1, 2],
    ['cse-risk', 0.6, 1, 3],
    ['cce-risk', 0.55, 1, 3],
    ['substance-misuse', 0.45, 1, 2],
    ['mental-health', 0.6, 1, 2],
    ['not-in-education', 0.7, 1, 3],
    ['ehcp', 0.5, 1, 2],
    ['offending', 0.35, 1, 2],
    ['remand', 0.15, 1, 2],
    ['unaccompanied-asylum-seeking', 0.3, 1, 2],
    ['sibling-group', 0.2, 1, 1],
    ['learning-disability', 0.25, 1, 1],
    ['autism', 0.3, 1, 2],
    ['harmful-sexual-behaviour', 0.1, 1, 2],
  ],
  // A home for disabled children.
  homeDisability: [
    ['learning-disability', 1, 2, 3],
    ['autism', 0.95, 2, 3],
    ['ehcp', 0.95, 2, 3],
    ['physical-disability', 0.6, 1, 3],
    ['complex-health', 0.55, 1, 3],
    ['sensory-impairment', 0.45, 1, 2],
    ['challenging-behaviour', 0.8, 1, 3],
    ['mental-health', 0.3, 1, 2],
    ['trauma', 0.5, 1, 2],
    ['self-harm', 0.3, 1, 2],
  ],
  secure: [
    ['offending', 1, 3, 3],
    ['remand', 1, 3, 3],
    ['aggression', 1, 2, 3],
    ['challenging-behaviour', 1, 3, 3],
    ['self-harm', 1, 2, 3],
    ['going-missing', 1, 3, 3],
    ['cse-risk', 1, 2, 3],
    ['cce-risk', 1, 2, 3],
    ['substance-misuse', 0.9, 2, 3],
    ['mental-health', 0.9, 2, 3],
    ['trauma', 0.9, 2, 3],
    ['harmful-sexual-behaviour', 0.5, 1, 3],
    ['not-in-education', 0.9, 2, 3],
    ['ehcp', 0.7, 1, 2],
  ],
  school: [
    ['ehcp', 1, 3, 3],
    ['autism', 0.9, 2, 3],
    ['learning-disability', 0.85, 2, 3],
    ['sensory-impairment', 0.4, 1, 3],
    ['physical-disability', 0.4, 1, 3],
    ['complex-health', 0.4, 1, 3],
    ['challenging-behaviour', 0.7, 1, 2],
    ['mental-health', 0.4, 1, 2],
    ['trauma', 0.4, 1, 2],
    ['not-in-education', 0.5, 1, 2],
  ],
  // A residential family centre: parent-and-child assessment.
  familyCentre: [
    ['parent-and-child', 1, 2, 3],
    ['trauma', 0.8, 1, 2],
    ['mental-health', 0.6, 1, 2],
    ['learning-disability', 0.5, 1, 2],
    ['substance-misuse', 0.4, 1, 2],
    ['complex-health', 0.3, 1, 2],
    ['unaccompanied-asylum-seeking', 0.15, 1, 1],
  ],
  foster: [
    ['trauma', 0.9, 1, 3],
    ['challenging-behaviour', 0.55, 1, 2],
    ['sibling-group', 0.35, 1, 3],
    ['unaccompanied-asylum-seeking', 0.3, 1, 2],
    ['ehcp', 0.5, 1, 2],
    ['learning-disability', 0.35, 1, 2],
    ['autism', 0.35, 1, 2],
    ['physical-disability', 0.15, 1, 2],
    ['complex-health', 0.15, 1, 2],
    ['going-missing', 0.3, 1, 1],
    ['self-harm', 0.25, 1, 1],
    ['mental-health', 0.35, 1, 2],
    ['not-in-education', 0.3, 1, 1],
    ['remand', 0.08, 1, 2],
    ['parent-and-child', 0.06, 1, 2],
  ],
};

/** Needs a setting of that profile may say it cannot accept. */
export const EXCLUSION_CANDIDATES: Record<string, readonly string[]> = {
  homeGeneral: ['fire-setting', 'harmful-sexual-behaviour', 'parent-and-child', 'complex-health', 'physical-disability'],
  homeDisability: ['fire-setting', 'harmful-sexual-behaviour', 'substance-misuse', 'offending', 'cce-risk', 'parent-and-child'],
  secure: ['parent-and-child', 'complex-health'],
  school: ['fire-setting', 'harmful-sexual-behaviour', 'substance-misuse', 'offending', 'parent-and-child'],
  foster: ['fire-setting', 'harmful-sexual-behaviour', 'offending', 'substance-misuse', 'cce-risk'],
  familyCentre: ['fire-setting', 'harmful-sexual-behaviour', 'offending', 'cce-risk'],
};

export function needsFor(profile: string, rng: Prng, levelBoost = 0) {
  const supported: { code: string; level: number }[] = [];
  for (const [code, probability, min, max] of NEED_PROFILES[profile]) {
    if (rng.chance(probability)) {
      supported.push({ code, level: Math.min(3, Math.max(1, rng.int(min, max) + levelBoost)) });
    }
  }
  if (supported.length === 0) supported.push({ code: NEED_PROFILES[profile][0][0], level: 1 });
  const taken = new Set(supported.map((need) => need.code));
  const excluded = EXCLUSION_CANDIDATES[profile].filter((code) => !taken.has(code) && rng.chance(0.45));
  return { needsSupported: supported, needsExcluded: excluded };
}
