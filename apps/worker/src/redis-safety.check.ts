import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { assertNoEviction, REDIS } from '@app/queue';

/** Refuses to start the worker on a Redis that may evict queued jobs. */
@Injectable()
export class RedisSafetyCheck implements OnModuleInit {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onModuleInit(): Promise<void> {
    await this.waitUntilReady(30_000);
    await assertNoEviction(this.redis);
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.redis.off('ready', ready);
        reject(new Error(`Redis did not become ready within ${timeoutMs / 1000}s`));
      }, timeoutMs);
      const ready = () => {
        clearTimeout(timer);
        resolve();
      };
      this.redis.once('ready', ready);
    });
  }
}
