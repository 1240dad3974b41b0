import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { referenceDataDirectory } from './data-files';
import { claCalibration, DFE_CLA_FILES, PLACEMENT_CATEGORIES } from './dfe-cla';

const BOROUGHS = ['E09000003', 'E09000005', 'E09000009', 'E09000013', 'E09000015', 'E09000017', 'E09000018', 'E09000020', 'E09000033'];

describe('DfE children looked after calibration', () => {
  it('pools one year as published: Barnet, 2025 (2024 for placements outside the LA)', () => {
    const barnet = claCalibration('E09000003', { years: 1 });
    // Foster 215, children's homes 48, residential schools 0, supported accommodation 59, other residential 7.
    expect(barnet.placementMix.foster).toBeCloseTo(215 / 329, 10);
    expect(barnet.placementMix.childrensHomes).toBeCloseTo(48 / 329, 10);
    expect(barnet.over20MilesShare).toBeCloseTo(83 / (83 + 216), 10);
    expect(barnet.outsideLaShare).toBeCloseTo(216 / 330, 10);
    expect(barnet.years).toEqual({ placementMix: [2025], over20Miles: [2025], outsideLa: [2024] });
    expect(barnet.startsByYear).toEqual({ 2021: 134, 2022: 197, 2023: 186, 2024: 193, 2025: 162 });
  });

  it('shares what suppression hides equally among the suppressed figures: Ealing, 2025', () => {
    // 275 in all; 266 published; residential schools, adoption and parents suppressed: 3 each.
    const ealing = claCalibration('E09000009', { years: 1 });
    expect(ealing.placementMix.residentialSchools).toBeCloseTo(3 / (190 + 25 + 3 + 27 + 8), 10);
  });

  it.each(BOROUGHS)('%s: shares are proportions, the mix adds up to one, and pools three years', (la) => {
    const calibration = claCalibration(la);
    const mix = PLACEMENT_CATEGORIES.map((c) => calibration.placementMix[c.key]);
    expect(mix.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    for (const share of [...mix, calibration.over20MilesShare, calibration.outsideLaShare]) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    // Everyone placed more than 20 miles away is outside a London borough.
    expect(calibration.over20MilesShare).toBeLessThan(calibration.outsideLaShare);
    expect(calibration.years.placementMix).toEqual([2023, 2024, 2025]);
    expect(calibration.years.outsideLa).toEqual([2022, 2023, 2024]);
  });

  // The shipped files are the published rows for the nine boroughs; checked where shared/data is at hand.
  const shared = resolve(__dirname, '../../../../shared/data');
  const source: Record<keyof typeof DFE_CLA_FILES, string> = {
    numberAndRate: 'dfe-cla-number-and-rate-2021-2025.csv',
    placementTypeAndDistance: 'dfe-cla-placement-type-and-distance-2021-2025.csv',
    placedInsideOutside: 'dfe-cla-placed-inside-outside-la.csv',
  };
  (existsSync(shared) ? it.each(Object.keys(source) as (keyof typeof DFE_CLA_FILES)[]) : it.skip.each(['shared/data absent']))(
    'ships %s as published, for the nine boroughs',
    (file) => {
      const read = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
      const published = read(join(shared, source[file as keyof typeof DFE_CLA_FILES])).filter((row) => BOROUGHS.includes(row.new_la_code));
      expect(read(join(referenceDataDirectory(), DFE_CLA_FILES[file as keyof typeof DFE_CLA_FILES]))).toEqual(published);
    },
  );
});
