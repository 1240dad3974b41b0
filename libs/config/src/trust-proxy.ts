import { isIP } from 'node:net';

/**
 * Which proxies in front of the api are believed about the client's address, as express'
 * `trust proxy` setting takes it: `false` (none: X-Forwarded-For is ignored), `true` (all: the
 * left-most X-Forwarded-For address is the client's), a number of hops, or the proxies' addresses.
 */
export type TrustProxy = boolean | number | string[];

/** proxy-addr's names for the loopback, link-local and private ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY as written in the environment: `false` (the default), `true`, a hop count, or a
 * comma-separated list of addresses, CIDR ranges or range names. Undefined when it is none of those.
 */
export function parseTrustProxy(raw: unknown): TrustProxy | undefined {
  if (raw === undefined || raw === '') return false;
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim();
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d{1,3}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every(isProxyAddress) ? entries : undefined;
}

function isProxyAddress(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
