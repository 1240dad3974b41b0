import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * The data files ship in `libs/reference-data/data`. Found by walking up from this file, so the same
 * code works from the TypeScript sources (tests) and from `dist/` (the built apps).
 */
export function referenceDataDirectory(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i += 1) {
    const candidate = join(dir, 'libs', 'reference-data', 'data');
    if (existsSync(candidate)) return candidate;
    const sibling = join(dir, 'data');
    if (dir.endsWith(join('libs', 'reference-data')) && existsSync(sibling)) return sibling;
    dir = dirname(dir);
  }
  throw new Error('reference data directory libs/reference-data/data not found');
}

export function readCsv<Row extends Record<string, string>>(fileName: string): Row[] {
  const text = readFileSync(join(referenceDataDirectory(), fileName), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Row[];
}
