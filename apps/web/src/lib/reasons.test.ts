import { describe, expect, it } from 'vitest';
import { reasonLine } from './reasons';

const base = {
  childNeeds: [{ code: 'self-harm', level: 3, essential: true }],
  settingNeeds: [{ code: 'self-harm', level: 3 }],
  distanceMiles: 1.84,
  settingLocalAuthorityCode: 'E09000009',
  settingLocalAuthorityName: 'Ealing',
  placingLocalAuthorityCode: 'E09000009',
  ofstedGrade: 'good',
  weeklyCost: 4_800,
  weeklyBudget: 5_000,
};

describe('reasonLine', () => {
  it('says what fits, where, how good and whether it is affordable', () => {
    expect(reasonLine(base)).toBe('supports self-harm at level 3; 1.8 miles, inside Ealing; Good; within budget');
  });

  it('names needs met only in part and the amount over budget', () => {
    expect(
      reasonLine({
        ...base,
        childNeeds: [...base.childNeeds, { code: 'autism', level: 2, essential: false }, { code: 'going-missing', level: 2, essential: false }],
        settingNeeds: [{ code: 'self-harm', level: 3 }, { code: 'going-missing', level: 1 }],
        distanceMiles: 14.2,
        settingLocalAuthorityCode: 'E09000005',
        settingLocalAuthorityName: 'Brent',
        ofstedGrade: 'outstanding',
        weeklyCost: 5_450,
      }),
    ).toBe(
      'supports self-harm at level 3; no support for autism, going missing only to level 1; 14 miles, in Brent; Outstanding; £450 a week over budget',
    );
  });

  it('leaves out what it does not know', () => {
    expect(reasonLine({ ...base, settingNeeds: undefined, weeklyBudget: null, ofstedGrade: null })).toBe(
      '1.8 miles, inside Ealing; Not known',
    );
  });
});
