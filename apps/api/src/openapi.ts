import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** The api's OpenAPI document, from the controllers and DTOs of `app` as they are: served at /docs-json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
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
}
