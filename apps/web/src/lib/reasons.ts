import { formatMiles } from './format';
import { needWords, ofstedWords } from './words';

export interface ReasonInput {
  childNeeds: { code: string; level: number; essential: boolean }[];
  settingNeeds?: { code: string; level: number }[];
  distanceMiles: number;
  settingLocalAuthorityCode: string | null;
  settingLocalAuthorityName?: string;
  placingLocalAuthorityCode: string;
  ofstedGrade: string | null | undefined;
  weeklyCost: number;
  weeklyBudget: number | null | undefined;
}

/**
 * One plain-English line for why a vacancy ranks where it does, in the order the score weighs
 * things: needs, distance and place, quality, cost.
 * "supports self-harm at level 3; 1.8 miles, inside Ealing; Good; within budget"
 */
export function reasonLine(input: ReasonInput): string {
  const parts: string[] = [];
  const supported = new Map((input.settingNeeds ?? []).map((need) => [need.code, need.level]));
  if (input.settingNeeds) {
    const needs = [...input.childNeeds].sort((a, b) => Number(b.essential) - Number(a.essential));
    const met = needs.filter((need) => (supported.get(need.code) ?? 0) >= need.level);
    const short = needs.filter((need) => (supported.get(need.code) ?? 0) < need.level);
    if (met.length > 0) {
      parts.push(`supports ${met.map((need) => `${needWords(need.code).toLowerCase()} at level ${supported.get(need.code)}`).join(', ')}`);
    }
    if (short.length > 0) {
      parts.push(
        short
          .map((need) => {
            const level = supported.get(need.code);
            return level ? `${needWords(need.code).toLowerCase()} only to level ${level}` : `no support for ${needWords(need.code).toLowerCase()}`;
          })
          .join(', '),
      );
    }
  }
  const where = input.settingLocalAuthorityName ?? input.settingLocalAuthorityCode ?? 'outside England';
  const inside = input.settingLocalAuthorityCode === input.placingLocalAuthorityCode;
  parts.push(`${formatMiles(input.distanceMiles)}, ${inside ? 'inside' : 'in'} ${where}`);
  parts.push(ofstedWords(input.ofstedGrade));
  if (input.weeklyBudget != null) {
    const over = input.weeklyCost - input.weeklyBudget;
    parts.push(over <= 0 ? 'within budget' : `£${over.toLocaleString('en-GB')} a week over budget`);
  }
  return parts.join('; ');
}
