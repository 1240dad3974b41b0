import { createServer, type AddressInfo, type Socket } from 'node:net';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { deleteRedisKeys, resolveTestSettings, testRedisPrefix } from '@app/testing';
import { RedisThrottlerStorage } from './redis-throttler.storage';

describe('RedisThrottlerStorage (real Redis)', () => {
  const prefix = testRedisPrefix();
  const redis = new Redis(resolveTestSettings().redisUrl);
  afterAll(async () => {
    await deleteRedisKeys(redis, prefix);
    redis.disconnect();
  });

  it('answers as @nestjs/throttler’s own storage does, in seconds', async () => {
    const store = new RedisThrottlerStorage(redis, prefix);
    const memory = new ThrottlerStorageService();
    const hit = (storage: { increment: RedisThrottlerStorage['increment'] }) => storage.increment('same-key', 60_000, 2, 30_000, 'login');
    try {
      for (let i = 0; i < 4; i += 1) {
        const [fromRedis, fromMemory] = [await hit(store), await hit(memory)];
        expect(fromRedis).toMatchObject({ totalHits: fromMemory.totalHits, isBlocked: fromMemory.isBlocked });
        // Unblocked, the in-memory storage answers a meaningless negative block time; this one 0.
        if (fromMemory.isBlocked) expect(fromRedis.timeToBlockExpire).toBe(fromMemory.timeToBlockExpire);
        expect(fromRedis.timeToExpire).toBeGreaterThan(0);
        expect(fromRedis.timeToExpire).toBeLessThanOrEqual(60);
      }
      const blocked = await hit(store);
      expect(blocked).toMatchObject({ totalHits: 3, isBlocked: true, timeToBlockExpire: 30 });
    } finally {
      memory.onApplicationShutdown();
    }
  });

  it('starts counting again once a block ends', async () => {
    const store = new RedisThrottlerStorage(redis, prefix);
    const hit = () => store.increment('short-block', 60_000, 1, 200, 'login');
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await hit()).toMatchObject({ totalHits: 2, isBlocked: true, timeToBlockExpire: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('shares its counts with every other instance on the same prefix', async () => {
    const [one, two] = [new RedisThrottlerStorage(redis, prefix), new RedisThrottlerStorage(new Redis(resolveTestSettings().redisUrl), prefix)];
    await one.increment('shared', 60_000, 5, 60_000, 'login');
    expect(await two.increment('shared', 60_000, 5, 60_000, 'login')).toMatchObject({ totalHits: 2 });
    expect(await one.increment('shared', 60_000, 5, 60_000, 'other')).toMatchObject({ totalHits: 1 });
    expect(await new RedisThrottlerStorage(redis, testRedisPrefix()).increment('shared', 60_000, 5, 60_000, 'login')).toMatchObject({ totalHits: 1 });
    (two as unknown as { redis: Redis }).redis.disconnect();
  });

  it('lets the hit through, quickly, when Redis does not answer', async () => {
    // Nothing listens on port 1; the api's connection fails commands at once rather than queueing them.
    const down = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
    const store = new RedisThrottlerStorage(down, prefix);
    const started = Date.now();
    expect(await store.increment('down', 60_000, 1, 60_000, 'login')).toEqual({ totalHits: 0, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    expect(Date.now() - started).toBeLessThan(1_000);
    down.disconnect();
  });

  it('gives up on a Redis that takes the command and never answers', async () => {
    // A server that accepts the connection and stays silent, as a hung Redis or a half-open link.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const stalled = new Redis(port, '127.0.0.1', { enableReadyCheck: false, maxRetriesPerRequest: null });
    const store = new RedisThrottlerStorage(stalled, prefix, 100);
    const started = Date.now();
    expect(await store.increment('stalled', 60_000, 1, 60_000, 'login')).toMatchObject({ isBlocked: false, totalHits: 0 });
    expect(Date.now() - started).toBeLessThan(1_000);
    stalled.disconnect();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
});
