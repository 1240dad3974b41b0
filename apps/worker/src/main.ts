import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { closeOnSignals, environmentOrExit } from '@app/config';
import { WorkerModule } from './worker.module';

async function bootstrap() {
  environmentOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  closeOnSignals(app, (error) => process.stderr.write(`worker shutdown failed: ${String(error)}\n`));
  await app.init();
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
