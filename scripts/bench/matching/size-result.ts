import type { FullResult } from './full-path';
import type { Breakdown } from './instrumented';
import type { NaiveResult } from './naive';

export interface SizeResult {
  size: number;
  /** Building the MatchingService and running its start-up hooks and loads. */
  startupSeconds: number;
  full: FullResult;
  breakdown: Breakdown[];
  naive: NaiveResult | null;
}
