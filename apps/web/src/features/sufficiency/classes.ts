/** Five classes of equal width between the smallest and largest figure: few LAs make quantiles meaningless. */
export const CLASS_COUNT = 5;

export interface ClassRange {
  index: number; // 1 to 5
  from: number;
  to: number;
}

export function classBreaks(values: readonly (number | null)[]): ClassRange[] {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (known.length === 0) return [];
  const min = Math.min(...known);
  const max = Math.max(...known);
  const width = (max - min) / CLASS_COUNT;
  return Array.from({ length: CLASS_COUNT }, (_, i) => ({
    index: i + 1,
    from: min + width * i,
    to: i === CLASS_COUNT - 1 ? max : min + width * (i + 1),
  }));
}

/** The class a figure falls in (each range includes its upper end; the first its lower too); null when not known. */
export function classOf(value: number | null, breaks: readonly ClassRange[]): number | null {
  if (value === null || breaks.length === 0) return null;
  if (breaks[0]!.from === breaks[breaks.length - 1]!.to) return 1;
  return breaks.find((range) => value <= range.to + 1e-9)?.index ?? breaks.length;
}
