/**
 * DfE "Children looked after in England" figures for the West London Alliance's nine boroughs, the
 * subset of three published tables the demo loader calibrates its history on (OGL v3: "Contains
 * public sector information licensed under the Open Government Licence v3.0."):
 *
 *   - dfe-cla-number-and-rate-west-london-2021-2025.csv: children looked after on 31 March,
 *     starting and ceasing in each reporting year (April to March);
 *   - dfe-cla-placement-type-and-distance-west-london-2021-2025.csv: children looked after on
 *     31 March by placement type, and placed more or less than 20 miles from home;
 *   - dfe-cla-placed-inside-outside-la-west-london-2020-2024.csv: children placed outside their
 *     own LA's boundary on 31 March.
 *
 * The rows are the published ones, unchanged, for the nine LAs only. A reporting year is named by
 * the year it ends in: 2025 is April 2024 to March 2025, its stock counted on 31 March 2025.
 */
import { readCsv } from './data-files';

export const DFE_CLA_FILES = {
  numberAndRate: 'dfe-cla-number-and-rate-west-london-2021-2025.csv',
  placementTypeAndDistance: 'dfe-cla-placement-type-and-distance-west-london-2021-2025.csv',
  placedInsideOutside: 'dfe-cla-placed-inside-outside-la-west-london-2020-2024.csv',
} as const;

/** The platform's kinds of placement, each a DfE placement category and the SSDA903 types it covers. */
export const PLACEMENT_CATEGORIES = [
  // DfE counts foster placements with family and friends (U1-U3) here too; the platform's
  // foster settings are U4-U6, so the whole category is drawn as U4-U6.
  { key: 'foster', dfe: 'Foster placements', placementTypes: ['U4', 'U5', 'U6'] },
  { key: 'childrensHomes', dfe: "Secure homes and children's homes", placementTypes: ['K1', 'K2'] },
  { key: 'residentialSchools', dfe: 'Residential schools', placementTypes: ['S1'] },
  {
    key: 'supportedAccommodation',
    dfe: 'Independent and semi-independent living arrangements/supported accommodation',
    placementTypes: ['K3'],
  },
  // Residential care homes, NHS settings, family centres and mother-and-baby units (DfE also
  // counts young offender institutions here, which the platform does not place in).
  { key: 'otherResidential', dfe: 'Other residential settings', placementTypes: ['R1', 'R2', 'R3'] },
] as const;

export type PlacementCategory = (typeof PLACEMENT_CATEGORIES)[number]['key'];

/**
 * DfE placement categories no provider is commissioned for, left out of the platform's mix:
 * placed for adoption, placed with parents, and "other" (absent, temporary moves and the like).
 */
export const DFE_CATEGORIES_NOT_ON_PLATFORM = [
  'Placed for adoption',
  'Placed with parents or other person with parental responsibility',
  'Other placements',
] as const;

/** The platform category of an SSDA903 placement type; undefined for types no setting offers. */
export function placementCategoryOf(placementType: string): PlacementCategory | undefined {
  return PLACEMENT_CATEGORIES.find((c) => (c.placementTypes as readonly string[]).includes(placementType))?.key;
}

export type ClaMeasure = 'lookedAfter' | 'starting' | 'ceasing';

export interface ClaCountRecord {
  year: number;
  laCode: string;
  laName: string;
  measure: ClaMeasure;
  children: number;
}

export interface ClaPlacementRecord {
  year: number;
  laCode: string;
  group: 'placement' | 'distance';
  characteristic: string;
  /** null where DfE suppressed the figure (`c`). */
  number: number | null;
}

export interface ClaPlacedOutsideRecord {
  year: number;
  laCode: string;
  /** The LA's own children placed outside its boundary on 31 March. */
  placedOutside: number;
  /** Other LAs' children placed inside its boundary on 31 March. */
  placedInsideFromOtherLas: number;
}

const MEASURES: Record<string, ClaMeasure> = {
  'Children looked after on 31 March each year': 'lookedAfter',
  'Children starting to be looked after each year': 'starting',
  'Children ceasing to be looked after each year': 'ceasing',
};

const count = (value: string): number | null => (/^\d+$/.test(value) ? Number(value) : null);

export function readClaCounts(): ClaCountRecord[] {
  type Row = Record<'time_period' | 'la_name' | 'new_la_code' | 'population_type' | 'children_count', string>;
  return readCsv<Row>(DFE_CLA_FILES.numberAndRate).flatMap((row) => {
    const measure = MEASURES[row.population_type];
    const children = count(row.children_count);
    if (!measure || children === null || !row.new_la_code) return [];
    return [{ year: Number(row.time_period), laCode: row.new_la_code, laName: row.la_name, measure, children }];
  });
}

export function readClaPlacements(): ClaPlacementRecord[] {
  type Row = Record<'time_period' | 'new_la_code' | 'cla_group' | 'characteristic' | 'number', string>;
  return readCsv<Row>(DFE_CLA_FILES.placementTypeAndDistance)
    .filter((row) => row.new_la_code)
    .map((row) => ({
      year: Number(row.time_period),
      laCode: row.new_la_code,
      group: row.cla_group === 'Placement' ? 'placement' : 'distance',
      characteristic: row.characteristic,
      number: count(row.number),
    }));
}

export function readClaPlacedOutside(): ClaPlacedOutsideRecord[] {
  type Row = Record<'time_period' | 'new_la_code' | 'characteristic' | 'number', string>;
  const byKey = new Map<string, ClaPlacedOutsideRecord>();
  for (const row of readCsv<Row>(DFE_CLA_FILES.placedInsideOutside)) {
    const value = count(row.number);
    if (!row.new_la_code || value === null) continue;
    const key = `${row.time_period}:${row.new_la_code}`;
    const record = byKey.get(key) ?? {
      year: Number(row.time_period),
      laCode: row.new_la_code,
      placedOutside: 0,
      placedInsideFromOtherLas: 0,
    };
    if (row.characteristic.startsWith('2.')) record.placedOutside = value;
    else if (row.characteristic.startsWith('1.')) record.placedInsideFromOtherLas = value;
    byKey.set(key, record);
  }
  return [...byKey.values()];
}

/** What the demo history of one LA is drawn from, and what its figures should come back as. */
export interface ClaCalibration {
  laCode: string;
  laName: string;
  /** Children starting to be looked after, by reporting year (every year published). */
  startsByYear: Record<number, number>;
  /** Shares of the platform's placement categories among the children in them (sum 1). */
  placementMix: Record<PlacementCategory, number>;
  /** Placed more than 20 miles from home, of those whose distance is known. */
  over20MilesShare: number;
  /** Placed outside the LA's boundary, of all its children looked after on 31 March. */
  outsideLaShare: number;
  /** The reporting years each share pools. */
  years: { placementMix: number[]; over20Miles: number[]; outsideLa: number[] };
}

export interface CalibrationOptions {
  /** How many of the most recent published years each share pools (3 by default). */
  years?: number;
}

/**
 * The calibration of one LA: each share pools the numbers of the most recent `years` years the
 * table publishes (numerators and denominators summed, so bigger years weigh more). A figure DfE
 * suppressed (`c`, a small number) is estimated by sharing the year's unpublished remainder, the
 * total less the published categories, equally among the suppressed ones: the categories add up
 * to the total exactly where nothing is suppressed.
 */
export function claCalibration(laCode: string, options: CalibrationOptions = {}): ClaCalibration {
  const span = options.years ?? 3;
  const counts = readClaCounts().filter((r) => r.laCode === laCode);
  const placements = readClaPlacements().filter((r) => r.laCode === laCode);
  const outside = readClaPlacedOutside().filter((r) => r.laCode === laCode);
  if (counts.length === 0 || placements.length === 0 || outside.length === 0) {
    throw new Error(`no DfE children looked after figures for ${laCode}`);
  }
  const recent = (years: number[]) => [...new Set(years)].sort((a, b) => a - b).slice(-span);

  const startsByYear: Record<number, number> = {};
  for (const r of counts) if (r.measure === 'starting') startsByYear[r.year] = r.children;
  const lookedAfter = new Map(counts.filter((r) => r.measure === 'lookedAfter').map((r) => [r.year, r.children]));

  const mixYears = recent(placements.filter((r) => r.group === 'placement').map((r) => r.year));
  const byCategory = new Map<string, number>();
  for (const year of mixYears) {
    for (const [characteristic, value] of withSuppressedEstimated(placements.filter((r) => r.year === year && r.group === 'placement'))) {
      byCategory.set(characteristic, (byCategory.get(characteristic) ?? 0) + value);
    }
  }
  const onPlatform = PLACEMENT_CATEGORIES.reduce((sum, c) => sum + (byCategory.get(c.dfe) ?? 0), 0);
  const placementMix = Object.fromEntries(
    PLACEMENT_CATEGORIES.map((c) => [c.key, (byCategory.get(c.dfe) ?? 0) / onPlatform]),
  ) as Record<PlacementCategory, number>;

  const distanceYears = recent(placements.filter((r) => r.group === 'distance').map((r) => r.year));
  let over = 0;
  let within = 0;
  for (const r of placements) {
    if (r.group !== 'distance' || !distanceYears.includes(r.year) || r.number === null) continue;
    if (r.characteristic === 'Placed more than 20 miles from home') over += r.number;
    if (r.characteristic === 'Placed 20 miles or less from home') within += r.number;
  }

  const outsideYears = recent(outside.filter((r) => lookedAfter.has(r.year)).map((r) => r.year));
  const placedOutside = outside.filter((r) => outsideYears.includes(r.year)).reduce((sum, r) => sum + r.placedOutside, 0);
  const lookedAfterThen = outsideYears.reduce((sum, year) => sum + lookedAfter.get(year)!, 0);

  return {
    laCode,
    laName: counts[0].laName,
    startsByYear,
    placementMix,
    over20MilesShare: over / (over + within),
    outsideLaShare: placedOutside / lookedAfterThen,
    years: { placementMix: mixYears, over20Miles: distanceYears, outsideLa: outsideYears },
  };
}

/** The categories of one LA-year with suppressed figures estimated from the total. */
function withSuppressedEstimated(rows: ClaPlacementRecord[]): Map<string, number> {
  const total = rows.find((r) => r.characteristic === 'Total')?.number ?? null;
  const categories = rows.filter((r) => r.characteristic !== 'Total');
  const published = categories.reduce((sum, r) => sum + (r.number ?? 0), 0);
  const suppressed = categories.filter((r) => r.number === null).length;
  const each = total !== null && suppressed > 0 ? Math.max(0, total - published) / suppressed : 0;
  return new Map(categories.map((r) => [r.characteristic, r.number ?? each]));
}
