import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { EmergenciesFirst } from './intake-rate.middleware';

const response = () => new EventEmitter() as unknown as Response;
const settledWithin = async (promise: Promise<void>, ms: number) => {
  let settled = false;
  void promise.then(() => (settled = true));
  await jest.advanceTimersByTimeAsync(ms);
  return settled;
};

describe('EmergenciesFirst', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets a routine referral straight through when no emergency is in progress', async () => {
    expect(await settledWithin(new EmergenciesFirst().done(), 0)).toBe(true);
  });

  it('holds routine referrals until every emergency in progress is answered', async () => {
    const gate = new EmergenciesFirst();
    const first = response();
    const second = response();
    gate.taking(first);
    gate.taking(second);
    const waiting = gate.done();
    first.emit('finish');
    first.emit('close');
    expect(await settledWithin(waiting, 10)).toBe(false);
    second.emit('close');
    expect(await settledWithin(waiting, 0)).toBe(true);
    expect(await settledWithin(gate.done(), 0)).toBe(true);
  });

  it('never holds a routine referral longer than a second', async () => {
    const gate = new EmergenciesFirst();
    gate.taking(response());
    const waiting = gate.done();
    expect(await settledWithin(waiting, 999)).toBe(false);
    expect(await settledWithin(waiting, 1)).toBe(true);
  });
});
