import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { assignRequestId } from './common/logging';
import { StorableTextPipe } from './common/storable-text';
import { createValidationPipe } from './common/validation.pipe';

export const API_PREFIX = 'api/v1';

/** Everything about the HTTP edge, shared by main.ts and the e2e tests so they test what runs. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    assignRequestId(request, response);
    next();
  });
  app.use(helmet());
  app.use(express.json({ limit: '256kb' }));
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'admin/queues', 'admin/queues/{*path}'] });
  app.useGlobalPipes(new StorableTextPipe(), createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Regional placement matching')
      .setDescription(
        "Referrals, vacancies and ranked, explained matches for children's social care placements across a region.",
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
