import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/**
 * The api's OpenAPI document, from the controllers and DTOs of `app` as they are: served at
 * /docs-json, and written to apps/web/src/api by `npm run openapi:generate` for the web app's typed
 * client. Everything in it comes from explicit decorators (there is no compiler plugin), so the
 * document is the same whether tsc (`npm run build`) or SWC (jest, the dev scripts) compiled the code.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
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
  // @nestjs/swagger gives a named enum the description of the first property it meets that uses
  // it, which then reads as the meaning of every use. The properties keep their own.
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    if ('enum' in schema) delete schema.description;
  }
  return document;
}
