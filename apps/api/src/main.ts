import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { closeOnSignals, environmentOrExit } from '@app/config';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function bootstrap() {
  // Checked before Nest starts, so bad configuration stops start-up with one clear line.
  const env = environmentOrExit();
  const app = await NestFactory.create(AppModule, { bodyParser: false, bufferLogs: true, abortOnError: false });
  configureApp(app);
  closeOnSignals(app, (error) => process.stderr.write(`api shutdown failed: ${String(error)}\n`));
  await app.listen(env.PORT);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
