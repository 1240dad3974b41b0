import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';

type Schema = Record<string, any>;

const FORMATS: Record<string, (value: string) => boolean> = {
  'date-time': (value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value),
  date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value),
  uuid: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  email: (value) => value.includes('@'),
  uri: (value) => URL.canParse(value),
};

/**
 * What is wrong with `value` as an instance of `schema`, strictly: an object may carry only the
 * properties its schema names, so a field the document leaves out is caught as surely as a
 * missing or mistyped one.
 */
export function schemaProblems(value: unknown, schema: Schema, document: OpenAPIObject, at = '$'): string[] {
  if (schema.$ref) {
    const refName = String(schema.$ref).split('/').pop()!;
    return schemaProblems(value, document.components!.schemas![refName] as Schema, document, at);
  }
  if (value === null) return schema.nullable ? [] : [`${at} is null`];
  if (schema.allOf) return schema.allOf.flatMap((part: Schema) => schemaProblems(value, part, document, at));
  if (schema.oneOf) {
    const fits = schema.oneOf.filter((option: Schema) => schemaProblems(value, option, document, at).length === 0);
    return fits.length === 1 ? [] : [`${at} fits ${fits.length} of the ${schema.oneOf.length} schemas of its oneOf`];
  }
  if (schema.enum && !schema.enum.includes(value)) return [`${at} is ${JSON.stringify(value)}, not one of ${schema.enum.join(', ')}`];
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${at} is not a string`];
      if (schema.format && FORMATS[schema.format] && !FORMATS[schema.format](value)) return [`${at} is not a ${schema.format}: ${value}`];
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) return [`${at} does not match ${schema.pattern}: ${value}`];
      return [];
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || (schema.type === 'integer' && !Number.isInteger(value))) return [`${at} is not an ${schema.type}: ${JSON.stringify(value)}`];
      if ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum)) {
        return [`${at} is out of range: ${value}`];
      }
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at} is not a boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${at} is not an array`];
      return value.flatMap((item, index) => schemaProblems(item, schema.items, document, `${at}[${index}]`));
    default:
      return schema.type === 'object' || schema.properties ? objectProblems(value, schema, document, at) : [];
  }
}

function objectProblems(value: unknown, schema: Schema, document: OpenAPIObject, at: string): string[] {
  if (typeof value !== 'object' || Array.isArray(value)) return [`${at} is not an object`];
  const record = value as Record<string, unknown>;
  const properties: Record<string, Schema> = schema.properties ?? {};
  const problems: string[] = [];
  for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${at}.${key} is required but missing`);
  for (const [key, item] of Object.entries(record)) {
    const declared = properties[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (declared) problems.push(...schemaProblems(item, declared, document, `${at}.${key}`));
    else if (schema.additionalProperties !== true) problems.push(`${at}.${key} is not in the document`);
  }
  return problems;
}

/**
 * Checks every JSON answer the app gives against the OpenAPI document: its status must be one the
 * route documents (server errors aside), and its body must fit that status's schema. Install it
 * before the app is initialised, so it wraps every route; `problems` gathers what it finds.
 */
export function checkResponsesAgainstDocument(app: INestApplication, document: OpenAPIObject): { problems: Set<string> } {
  const problems = new Set<string>();
  app.use((request: Request, response: Response, next: NextFunction) => {
    const json = response.json.bind(response);
    response.json = (body: unknown) => {
      // Set once a route matched; body-parser refusals and unknown paths answer before any route.
      // Routes outside the document (the queue dashboard, Nest's catch-all 404) are not the api's.
      const path = String(request.route?.path ?? '').replace(/:(\w+)/g, '{$1}');
      const operation = document.paths[path]?.[request.method.toLowerCase() as 'get'];
      if (operation) {
        const status = response.statusCode;
        const answer = operation.responses[status] as Schema | undefined;
        const schema = answer?.content?.['application/json']?.schema;
        const where = `${request.method} ${path} ${status}`;
        if (!answer && status < 500) problems.add(`${where}: the status is not documented`);
        else if (schema) {
          // As the client receives it: dates as strings, undefined fields gone.
          const sent = JSON.parse(JSON.stringify(body ?? null));
          for (const problem of schemaProblems(sent, schema, document)) problems.add(`${where}: ${problem}`);
        }
      }
      return json(body);
    };
    next();
  });
  return { problems };
}
