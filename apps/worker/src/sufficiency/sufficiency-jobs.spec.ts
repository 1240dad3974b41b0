import { snapshotDay } from './sufficiency-jobs';

describe('snapshotDay', () => {
  // 23:55 on 1 December in England (GMT), and on 30 June (BST, UTC+1).
  const winterEvening = Date.parse('2026-12-01T23:55:00Z');
  const summerEvening = Date.parse('2026-06-30T22:55:00Z');

  it('records the day the run was scheduled for, however late it starts', () => {
    expect(snapshotDay({}, { opts: { prevMillis: winterEvening } }, new Date('2026-12-01T23:55:03Z'))).toBe('2026-12-01');
    // Started after midnight: a worker back from a restart, or a retry.
    expect(snapshotDay({}, { opts: { prevMillis: winterEvening } }, new Date('2026-12-02T00:20:00Z'))).toBe('2026-12-01');
    expect(snapshotDay({}, { opts: { prevMillis: summerEvening } }, new Date('2026-06-30T23:30:00Z'))).toBe('2026-06-30');
  });

  it('records nothing when it runs a day or more after it was due: today is not that day', () => {
    expect(snapshotDay({}, { opts: { prevMillis: winterEvening } }, new Date('2026-12-02T23:54:00Z'))).toBe('2026-12-01');
    expect(snapshotDay({}, { opts: { prevMillis: winterEvening } }, new Date('2026-12-02T23:56:00Z'))).toBeNull();
    expect(snapshotDay({}, { opts: { prevMillis: winterEvening } }, new Date('2026-12-20T10:00:00Z'))).toBeNull();
  });

  it('records the day a job names, and today for a job added by hand', () => {
    expect(snapshotDay({ day: '2026-03-31' }, { opts: { prevMillis: winterEvening } })).toBe('2026-03-31');
    expect(snapshotDay({}, { opts: {} }, new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });
});
