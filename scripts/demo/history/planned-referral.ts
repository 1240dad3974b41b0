import type { PlacementCategory } from '@app/reference-data';
import type { Candidate, PoolSetting } from './setting-pool';
import type { DistanceClass, HistoryDistrict } from './types';

export interface Child {
  /** Numbered per LA in the order they came into care. */
  n: number;
  la: string;
  dob: string;
  gender: string;
  /** Home: chosen with the first placement, so that one of its class is within reach. */
  district: HistoryDistrict | null;
  siblings: number;
  createdAt: string;
  /** The kind of placement first asked for, which shapes the needs recorded. */
  firstCategory?: PlacementCategory;
}

/** A referral as it is planned: days are days since 1970-01-01, minutes past midnight in England. */
export interface Ref {
  /** `<LA>:<n>`, numbered in the order the LA made them: the seed of its ids. */
  key: string;
  la: string;
  child: Child;
  day: number;
  minutes: number;
  urgency: 'emergency' | 'urgent' | 'planned';
  /** The emergency referral a step-down follows. */
  follows: Ref | null;
  /** The placement's first and last day (null: not placed, or still live), and how it ended. */
  start: number | null;
  end: number | null;
  planned: boolean | null;
  reason: string | null;
  /** The referrals that share placement types: an emergency and its step-down, or itself. */
  unit: Ref[];
  category?: PlacementCategory;
  distanceClass?: DistanceClass;
  secure?: boolean;
  longTerm?: boolean;
  /** The setting it went to, and the nearest settings of other providers that would have taken the child. */
  chosen?: { pool: PoolSetting; miles: number; others: Candidate[] };
}

export interface Period {
  anchor: string;
  fromDay: number;
  /** The anchor day: nothing happens after it. */
  toDay: number;
}
