import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTricklingReceiver, until } from '@app/testing';
import { BlockedAddress, postJson } from './deliver';

/** Delivery to a real local endpoint: allowed only when private networks are, and never by a name that resolves inwards. */
describe('postJson', () => {
  let server: Server;
  let url: string;
  const bodies: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        bodies.push(body);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('posts the exact body when private networks are allowed', async () => {
    expect(await postJson(url, '{"a":1}', { 'Content-Type': 'application/json' }, { timeoutMs: 2_000, totalTimeoutMs: 5_000, allowPrivateNetworks: true })).toBe(204);
    expect(bodies).toEqual(['{"a":1}']);
  });

  it('refuses a loopback address, and a name that resolves to one, otherwise', async () => {
    const options = { timeoutMs: 2_000, totalTimeoutMs: 5_000, allowPrivateNetworks: false };
    await expect(postJson(url, '{}', {}, options)).rejects.toBeInstanceOf(BlockedAddress);
    await expect(postJson(url.replace('127.0.0.1', 'localhost'), '{}', {}, options)).rejects.toBeInstanceOf(BlockedAddress);
    expect(bodies).toHaveLength(1);
  });

  it('gives up at the total deadline on a receiver that answers a byte at a time, however short its silences', async () => {
    // Headers at once, then one byte every 500 ms for a minute: the idle timeout never fires.
    const receiver = await startTricklingReceiver();
    try {
      await expect(postJson(receiver.url, '{}', {}, { timeoutMs: 1_000, totalTimeoutMs: 1_500, allowPrivateNetworks: true })).rejects.toMatchObject({
        name: 'TimeoutError',
        message: 'deadline',
      });
      // The connection is closed, not left trickling in the background.
      await until('the receiver to see the connection closed', async () => receiver.open(), (open) => open === 0);
    } finally {
      await receiver.close();
    }
  });
});
