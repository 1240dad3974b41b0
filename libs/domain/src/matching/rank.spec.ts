import { DomainError } from '../errors/domain-error';
import { rankVacancies } from './rank';
import { scoreVacancy } from './score';
import { B1, aReferral, aVacancy } from '../../test/matching-fixtures';
import { DEFAULT_WEIGHTS } from './weights';

describe('rankVacancies', () => {
  const referral = aReferral();
  const outstanding = aVacancy({ id: 'v-outstanding', setting: { ofstedGrade: 'outstanding' } });
  const good = aVacancy({ id: 'v-good' });
  const far = aVacancy({ id: 'v-far', setting: { ...B1, localAuthorityCode: 'E08000025' } });
  const tooYoung = aVacancy({ id: 'v-too-young', setting: { ageMax: 11 } });
  const filled = aVacancy({ id: 'v-filled', status: 'filled', setting: { ...B1 } });

  it('ranks the eligible vacancies best first and lists the others with their reasons', () => {
    const { matches, exclusions } = rankVacancies(referral, [far, filled, good, tooYoung, outstanding], DEFAULT_WEIGHTS);
    expect(matches.map((m) => [m.rank, m.vacancyId])).toEqual([
      [1, 'v-outstanding'],
      [2, 'v-good'],
      [3, 'v-far'],
    ]);
    expect(exclusions).toEqual([
      { vacancyId: 'v-too-young', distanceMiles: 3.1, reasons: ['AGE_OUT_OF_RANGE'] },
      { vacancyId: 'v-filled', distanceMiles: 93.3, reasons: ['NOT_OPEN'] },
    ]);
  });

  it('reports each match as the contract shows it, with the same score as scoreVacancy', () => {
    const [match] = rankVacancies(referral, [good], DEFAULT_WEIGHTS).matches;
    const { score, distanceMiles, breakdown } = scoreVacancy(referral, good, DEFAULT_WEIGHTS);
    expect(match).toEqual({
      rank: 1,
      vacancyId: good.id,
      settingId: good.settingId,
      providerId: good.providerId,
      score,
      distanceMiles,
      weeklyCost: good.weeklyCost,
      breakdown,
    });
  });

  it('breaks a tie by vacancy id, ascending, whatever the input order', () => {
    const twins = ['v-c', 'v-a', 'v-b'].map((id) => aVacancy({ id }));
    expect(rankVacancies(referral, twins, DEFAULT_WEIGHTS).matches.map((m) => m.vacancyId)).toEqual(['v-a', 'v-b', 'v-c']);
  });

  it('orders exclusions nearest first by the distance shown, then by id', () => {
    const excluded = ['v-3', 'v-1', 'v-2'].map((id) => aVacancy({ id, status: 'withdrawn' }));
    const nearer = aVacancy({ id: 'v-9', status: 'withdrawn', setting: { latitude: 51.5123, longitude: -0.37 } });
    expect(rankVacancies(referral, [...excluded, nearer], DEFAULT_WEIGHTS).exclusions.map((e) => e.vacancyId)).toEqual(['v-9', 'v-1', 'v-2', 'v-3']);
  });

  it('lists a vacancy with no usable coordinates last, at no distance it could be shown', () => {
    const lost = aVacancy({ id: 'v-0', status: 'withdrawn', setting: { latitude: Number.NaN } });
    const excluded = aVacancy({ id: 'v-1', status: 'withdrawn', setting: { ...B1 } });
    const { exclusions } = rankVacancies(referral, [lost, excluded], DEFAULT_WEIGHTS);
    expect(exclusions.map((e) => [e.vacancyId, e.distanceMiles])).toEqual([
      ['v-1', 93.3],
      ['v-0', Number.NaN],
    ]);
  });

  it('returns at most `limit` matches, the best ones, and at most `exclusionLimit` exclusions', () => {
    const many = Array.from({ length: 120 }, (_, i) => aVacancy({ id: `v-${String(i).padStart(3, '0')}`, weeklyCost: 4000 + i * 20 }));
    const excluded = Array.from({ length: 10 }, (_, i) => aVacancy({ id: `x-${i}`, status: 'withdrawn' }));
    const all = rankVacancies(referral, [...many, ...excluded], DEFAULT_WEIGHTS, { limit: 1000 });
    const top = rankVacancies(referral, [...excluded, ...many].reverse(), DEFAULT_WEIGHTS, { exclusionLimit: 3 });
    expect(all.matches).toHaveLength(120);
    expect(rankVacancies(referral, many, DEFAULT_WEIGHTS).matches).toHaveLength(50);
    expect(top.matches).toEqual(all.matches.slice(0, 50));
    expect(top.exclusions).toEqual(all.exclusions.slice(0, 3));
    expect(rankVacancies(referral, many, DEFAULT_WEIGHTS, { limit: 0 }).matches).toEqual([]);
  });

  it('ranks nothing when nothing is offered', () => {
    expect(rankVacancies(referral, [], DEFAULT_WEIGHTS)).toEqual({ matches: [], exclusions: [] });
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses a limit of %p', (limit) => {
    expect(() => rankVacancies(referral, [good], DEFAULT_WEIGHTS, { limit })).toThrow(DomainError);
  });

  it('refuses invalid weights', () => {
    expect(() => rankVacancies(referral, [good], { ...DEFAULT_WEIGHTS, needs: 0 })).toThrow(DomainError);
  });
});
