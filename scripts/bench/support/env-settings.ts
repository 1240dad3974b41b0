/** A benchmark's settings from the environment, checked against their bounds. */

export function numberFromEnv(name: string, fallback: number, { min = 0, max = Infinity } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number between ${min} and ${max}, not "${raw}"`);
  }
  return value;
}

export function listFromEnv(name: string, fallback: number[], { min = 1, max = 1000 } = {}): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((value) => !Number.isInteger(value) || value < min || value > max)) {
    throw new Error(`${name} must be a comma-separated list of whole numbers between ${min} and ${max}, not "${raw}"`);
  }
  return values;
}
