import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateReferralDto } from '../referrals/dto/create-referral.dto';
import { CreateSettingDto } from '../settings/dto/setting.dto';
import { toFieldProblems } from './validation-details';

const validate = <T extends object>(type: new () => T, body: object) =>
  toFieldProblems(
    validateSync(plainToInstance(type, body), {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: false, value: true },
    }),
  );

const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const referral = (overrides: object = {}, child: object = {}) => ({
  child: {
    localReference: 'REF-1',
    dateOfBirth: '2012-05-01',
    gender: 'male',
    homePostcode: 'UB1 1AA',
    legalStatus: 'C2',
    categoryOfNeed: 'N1',
    needs: [{ code: 'autism', level: 3, essential: true }],
    ...child,
  },
  urgency: 'urgent',
  requiredBy: inAWeek,
  placementTypes: ['K2'],
  ...overrides,
});

describe('validation details', () => {
  it('accepts a valid referral', () => {
    expect(validate(CreateReferralDto, referral())).toEqual([]);
  });

  it('names nested fields with dots and array indexes, without repeating the property name', () => {
    const problems = validate(CreateReferralDto, referral({}, { needs: [{ code: 'autism', level: 7, essential: true }] }));
    expect(problems).toEqual([{ field: 'child.needs[0].level', problem: 'must not be greater than 3' }]);
  });

  it('reports unknown fields at any depth', () => {
    const problems = validate(CreateReferralDto, referral({ surname: 'x' }, { name: 'Jane' }));
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'surname', problem: 'is not an allowed field' },
        { field: 'child.name', problem: 'is not an allowed field' },
      ]),
    );
  });

  it('rejects dates that are not calendar days, future births and past deadlines', () => {
    const problems = validate(
      CreateReferralDto,
      referral({ requiredBy: '2001-01-01' }, { dateOfBirth: '2013-02-30' }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'requiredBy', problem: 'must not be in the past' },
        { field: 'child.dateOfBirth', problem: 'must be a date in the past' },
      ]),
    );
    const future = validate(CreateReferralDto, referral({}, { dateOfBirth: '2999-01-01' }));
    expect(future).toEqual([{ field: 'child.dateOfBirth', problem: 'must be a date in the past' }]);
  });

  it('requires known SSDA903 codes and taxonomy needs, and positive numbers', () => {
    const problems = validate(
      CreateReferralDto,
      referral({ placementTypes: ['Q1'], maxDistanceMiles: 0, weeklyBudget: 2.5 }, { legalStatus: 'C9', needs: [{ code: 'x', level: 1, essential: false }] }),
    ).map((problem) => problem.field);
    expect(problems).toEqual(
      expect.arrayContaining(['placementTypes', 'maxDistanceMiles', 'weeklyBudget', 'child.legalStatus', 'child.needs[0].code']),
    );
  });

  it('says a missing field is required, once', () => {
    const { localReference: _, ...child } = referral().child;
    expect(validate(CreateReferralDto, { ...referral(), child })).toEqual([
      { field: 'child.localReference', problem: 'is required' },
    ]);
  });

  it('says a null field must not be null', () => {
    expect(validate(CreateReferralDto, referral({ urgency: null }))).toEqual([{ field: 'urgency', problem: 'must not be null' }]);
  });

  it('refuses repeated needs', () => {
    const needs = [
      { code: 'autism', level: 1, essential: true },
      { code: 'autism', level: 2, essential: false },
    ];
    expect(validate(CreateReferralDto, referral({}, { needs }))).toEqual([
      { field: 'child.needs', problem: 'must not repeat a need' },
    ]);
  });

  it('validates settings', () => {
    const problems = validate(CreateSettingDto, {
      providerId: 'nope',
      name: '',
      placementType: 'K2',
      ofstedGrade: 'good',
      postcode: 'UB1',
      registeredPlaces: 0,
      ageMin: 3,
      ageMax: 19,
      genders: ['female', 'female'],
    }).map((problem) => problem.field);
    expect(problems.sort()).toEqual(['ageMax', 'genders', 'name', 'providerId', 'registeredPlaces']);
  });
});
