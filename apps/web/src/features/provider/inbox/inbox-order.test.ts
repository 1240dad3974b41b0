import { describe, expect, it } from 'vitest';
import type { ProviderReferral } from '../types';
import { inboxOrder } from './queries';

const row = (referralId: string, urgency: ProviderReferral['urgency'], requiredBy: string, score: number) =>
  ({ referralId, vacancyId: `${referralId}-${score}`, urgency, requiredBy, score }) as ProviderReferral;

describe('the inbox order', () => {
  it('puts emergencies first, then the soonest needed, keeping a referral’s rows together, best match first', () => {
    const ordered = inboxOrder([
      row('b', 'planned', '2027-01-10', 60),
      row('a', 'urgent', '2027-01-20', 90),
      row('b', 'planned', '2027-01-10', 80),
      row('c', 'emergency', '2027-01-30', 50),
      row('d', 'planned', '2027-01-10', 99),
    ]);
    expect(ordered.map((item) => item.vacancyId)).toEqual(['c-50', 'b-80', 'b-60', 'd-99', 'a-90']);
  });
});
