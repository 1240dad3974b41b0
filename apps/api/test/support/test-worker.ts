import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';

/**
 * The worker in this process, on the database and Redis prefix startTestApi set up (it reads the
 * same environment), so a test can follow a referral from HTTP through matching and back.
 */
export async function startTestWorker(): Promise<INestApplicationContext> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { WorkerModule } = require('../../../worker/src/worker.module');
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  await moduleRef.init();
  return moduleRef;
}
