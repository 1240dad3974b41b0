import { describe, expect, it } from 'vitest';
import { notConfirmedFor } from './confirm-vacancy';

describe('notConfirmedFor', () => {
  it('says how many days, in words a provider reads', () => {
    expect(notConfirmedFor(1)).toBe('Not confirmed for 1 day');
    expect(notConfirmedFor(8)).toBe('Not confirmed for 8 days');
  });
});
