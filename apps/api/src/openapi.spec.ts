import type { DynamicModule, Type } from '@nestjs/common';
import { PARAMTYPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DECORATORS, type OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { loadAppModule, previewOpenApiDocument, renderOpenApiFiles, staleFiles } from '../../../scripts/dev/openapi-files';

type Schema = Record<string, any>;

/** Every controller the app module reaches through its imports. */
function controllersOf(module: unknown, seen = new Set<unknown>()): Type<unknown>[] {
  if (!module || seen.has(module)) return [];
  seen.add(module);
  const dynamic = typeof module === 'object' ? (module as DynamicModule) : undefined;
  const listed = (key: 'controllers' | 'imports'): unknown[] => [
    ...(Reflect.getMetadata(key, dynamic?.module ?? module) ?? []),
    ...(dynamic?.[key] ?? []),
  ];
  return [...(listed('controllers') as Type<unknown>[]), ...listed('imports').flatMap((imported) => controllersOf(imported, seen))];
}

/** The classes routes read their body and query into. */
function requestClasses(controllers: Type<unknown>[]): Type<unknown>[] {
  const classes = new Set<Type<unknown>>();
  for (const controller of controllers) {
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      const args: Record<string, { index: number }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {};
      const types: unknown[] = Reflect.getMetadata(PARAMTYPES_METADATA, controller.prototype, method) ?? [];
      for (const [key, { index }] of Object.entries(args)) {
        const kind = Number(key.split(':')[0]);
        if (kind === RouteParamtypes.BODY || kind === RouteParamtypes.QUERY) classes.add(types[index] as Type<unknown>);
      }
    }
  }
  return [...classes];
}

const validated = (type: Type<unknown>) =>
  new Set(getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).map((rule) => rule.propertyName));

const documented = (type: Type<unknown>): string[] =>
  (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, type.prototype) ?? []).map((key: string) => key.slice(1));

/** The DTO classes a documented property's type names, for nested objects and lists of them. */
function nestedClasses(type: Type<unknown>): Type<unknown>[] {
  return documented(type).flatMap((property) => {
    const { type: declared } = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, type.prototype, property) ?? {};
    const item = Array.isArray(declared) ? declared[0] : declared;
    return typeof item === 'function' && ![String, Number, Boolean, Date, Object, Array].includes(item) ? [item] : [];
  });
}

/** A schema that says something of the body: not absent, not a bare object, not a list of those. */
function describesBody(schema: Schema | undefined): boolean {
  if (!schema) return false;
  if (schema.$ref || schema.allOf || schema.oneOf || schema.anyOf) return true;
  if (schema.type === 'array') return describesBody(schema.items);
  if (schema.type === 'object' || schema.type === undefined) {
    return Object.keys(schema.properties ?? {}).length > 0 || typeof schema.additionalProperties === 'object';
  }
  return true;
}

/** `GET /api/v1/referrals` and the like, for each operation of the document. */
function operations(document: OpenAPIObject): [string, Schema][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
      .map(([method, operation]): [string, Schema] => [`${method.toUpperCase()} ${path}`, operation]),
  );
}

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await previewOpenApiDocument();
  });

  // Built as `npm run openapi:generate` builds it; the web app's client is typed from these files.
  it('is what apps/web/src/api holds (else run npm run openapi:generate and commit the files)', async () => {
    expect(staleFiles(await renderOpenApiFiles(document))).toEqual([]);
  });

  it('gives every operation a successful answer, with a schema unless it is 204 No Content', () => {
    const problems = operations(document).flatMap(([operation, { responses }]) => {
      const successes = Object.entries(responses as Record<string, Schema>).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) return [`${operation} documents no 2xx answer`];
      return successes
        .filter(([status, answer]) => status !== '204' && !Object.values<Schema>(answer.content ?? {}).some((media) => describesBody(media.schema)))
        .map(([status]) => `${operation} ${status} has no schema: add @ApiOkResponse({ type }) or the like`);
    });
    expect(problems).toEqual([]);
  });

  // Without the swagger compiler plugin, a field is in the document only if its DTO says so.
  it('describes every field a request body or query accepts, and no other', () => {
    const pending = requestClasses(controllersOf(loadAppModule()));
    const problems: string[] = [];
    for (const seen = new Set<Type<unknown>>(); pending.length > 0; ) {
      const type = pending.pop()!;
      if (seen.has(type)) continue;
      seen.add(type);
      const accepted = validated(type);
      const described = new Set(documented(type));
      for (const field of accepted) if (!described.has(field)) problems.push(`${type.name}.${field} has no @ApiProperty`);
      for (const field of described) if (!accepted.has(field)) problems.push(`${type.name}.${field} is documented but not accepted`);
      pending.push(...nestedClasses(type));
    }
    expect(problems).toEqual([]);
  });
});
