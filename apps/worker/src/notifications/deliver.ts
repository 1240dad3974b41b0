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
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivateNetworks: boolean },
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
    const request = send(target, requestOptions, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
    request.on('error', reject);
    request.end(body);
  });
}
