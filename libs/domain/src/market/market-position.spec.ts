import { marketPosition, suppress } from './market-position';

describe('suppress', () => {
  it('writes 1 to 4 as "<5", after rounding, and keeps 0 and 5 and over', () => {
    expect([0, 0.4, 0.5, 1, 4, 4.49, 4.5, 5, 12].map(suppress)).toEqual([0, 0, '<5', '<5', '<5', '<5', 5, 5, 12]);
    expect(suppress(null)).toBeNull();
  });
});

describe('marketPosition', () => {
  it("adds the alliance's LAs together before suppressing, so two LAs' 3s publish as 6", () => {
    const content = marketPosition({
      demandRows: [
        { placementType: 'K2', ageBand: '11-15', referrals: 3, placed: 1, gap: 2, openBeds: 4 },
        { placementType: 'K2', ageBand: '11-15', referrals: 3, placed: 3, gap: 0, openBeds: null },
        { placementType: 'U4', ageBand: '5-10', referrals: 2, placed: 0, gap: 2, openBeds: null },
      ],
      needTotals: [
        { needCode: 'self-harm', referrals: 7, gap: 3, openBeds: 12 },
        { needCode: 'autism', referrals: 0, gap: 0, openBeds: 0 },
      ],
      forecast: [{ placementType: 'K2', method: 'holt-winters', points: [{ month: '2027-01', demand: 3.4, lower: -1, upper: 7.8 }, { month: '2027-02', demand: 4.2, lower: 0.6, upper: 8 }] }],
    });
    expect(content.demand).toEqual([
      { placementType: 'K2', ageBand: '11-15', referrals: 6, placed: '<5', gap: '<5', openBeds: '<5' },
      { placementType: 'U4', ageBand: '5-10', referrals: '<5', placed: 0, gap: '<5', openBeds: null },
    ]);
    expect(content.needs).toEqual([{ needCode: 'self-harm', referrals: 7, gap: '<5', openBeds: 12 }]);
    expect(content.forecast).toEqual([
      {
        placementType: 'K2',
        method: 'holt-winters',
        total: 8,
        months: [
          { month: '2027-01', demand: '<5', lower: 0, upper: 8 },
          { month: '2027-02', demand: '<5', lower: '<5', upper: 8 },
        ],
      },
    ]);
  });
});
