import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { Environment } from '@app/config';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { assignRequestId } from './common/logging';
import { StorableTextPipe } from './common/storable-text';
import { createValidationPipe } from './common/validation.pipe';
import { buildOpenApiDocument } from './openapi';

export const API_PREFIX = 'api/v1';

/** Everything about the HTTP edge, shared by main.ts and the e2e tests so they test what runs. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  // req.ip is the client's address only as far as TRUST_PROXY says which proxies to believe; off,
  // X-Forwarded-For is ignored, so that no client can pick the address it is throttled by.
  (app.getHttpAdapter().getInstance() as express.Application).set('trust proxy', app.get(Environment).TRUST_PROXY);
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    assignRequestId(request, response);
    next();
  });
  app.use(helmet());
  app.use(express.json({ limit: '256kb' }));
  useApiPrefix(app);
  app.useGlobalPipes(new StorableTextPipe(), createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}

/** Every route under /api/v1 but health and the queue dashboard; the OpenAPI document follows it. */
export function useApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'admin/queues', 'admin/queues/{*path}'] });
}
