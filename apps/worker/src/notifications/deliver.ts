import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress } from '@app/domain';

export class BlockedAddress extends Error {
  constructor() {
    super('the webhook resolves to an address that is not public');
    this.name = 'BlockedAddress';
  }
}

/**
 * POSTs `body` and resolves with the status. Unless private networks are allowed, the host is
 * resolved here and the connection made to the address just checked, so a DNS answer that changes
 * between the check and the connection cannot steer it inwards. Redirects are not followed.
 *
 * `timeoutMs` bounds each silence on the socket; `totalTimeoutMs` bounds the whole delivery, from
 * the DNS lookup to the last byte of the answer, so a receiver that trickles its answer a byte at a
 * time (never silent long enough for the idle timeout) cannot hold a delivery slot for long.
 * Either rejects with a `TimeoutError`.
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; totalTimeoutMs: number; allowPrivateNetworks: boolean },
): Promise<number> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateNetworks && isIP(host) !== 0 && !isPublicAddress(host)) return Promise.reject(new BlockedAddress());
  const lookup = (hostname: string, lookupOptions: LookupOptions, callback: (...args: unknown[]) => void) =>
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      const allowed = options.allowPrivateNetworks ? addresses : addresses.filter((entry) => isPublicAddress(entry.address));
      if (allowed.length === 0) return callback(new BlockedAddress());
      if (lookupOptions.all) return callback(null, allowed);
      return callback(null, allowed[0].address, allowed[0].family);
    });
  const requestOptions: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
    lookup: lookup as RequestOptions['lookup'],
    timeout: options.timeoutMs,
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let deadline: NodeJS.Timeout | undefined;
    const settle = (outcome: () => void) => {
      clearTimeout(deadline);
      outcome();
    };
    const request = send(target, requestOptions, (response) => {
      response.resume();
      response.on('end', () => settle(() => resolve(response.statusCode ?? 0)));
      response.on('error', (error) => settle(() => reject(error)));
    });
    const timedOut = (why: string) => Object.assign(new Error(why), { name: 'TimeoutError' });
    deadline = setTimeout(() => {
      const error = timedOut('deadline');
      // Rejected here, not through the request's events: once the answer has begun, destroying
      // the request is reported (if at all) as the response's own 'aborted'.
      settle(() => reject(error));
      request.destroy(error);
    }, options.totalTimeoutMs);
    request.on('timeout', () => request.destroy(timedOut('timeout')));
    request.on('error', (error) => settle(() => reject(error)));
    request.end(body);
  });
}
