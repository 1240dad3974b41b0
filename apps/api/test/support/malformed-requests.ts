import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/** The parts of an OpenAPI schema the fuzzer reads. */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  example?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

/** One documented operation, with its body schema followed to its component. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

/** A request built to be refused: what was broken, and its parts as sent on the wire. */
export interface MalformedRequest {
  broken: string;
  /** The schema (or the contract: unknown fields, ids, storable text) forbids it, so a 2xx is wrong. */
  invalid: boolean;
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: string;
  /** application/json unless this is what is broken. */
  contentType?: string;
}

type Location = { at: (string | number)[]; schema: Schema };
type Part = Pick<MalformedRequest, 'broken' | 'invalid'> & Partial<Omit<MalformedRequest, 'broken' | 'invalid'>>;

const MARKER = '\u0001raw\u0001';
const HOSTILE_TEXT = ['a\u0000b', 'a\ud800b', '\udc00'];

/** Every operation of the document, each with its body schema resolved. */
export function operationsOf(document: { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, Schema> } }) {
  const resolve = (schema: Schema | undefined): Schema | undefined => {
    let target = schema;
    while (target?.$ref || target?.allOf?.length === 1) {
      target = target.$ref ? document.components.schemas[target.$ref.split('/').pop()!] : target.allOf![0];
    }
    if (!target?.properties) return target;
    const properties = Object.fromEntries(Object.entries(target.properties).map(([key, value]) => [key, resolveDeep(value)]));
    return { ...target, properties };
  };
  const resolveDeep = (schema: Schema): Schema => {
    const resolved = resolve(schema)!;
    return resolved.type === 'array' && resolved.items ? { ...resolved, items: resolveDeep(resolved.items) } : resolved;
  };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method,
      path,
      parameters: operation.parameters ?? [],
      body: resolve(operation.requestBody?.content?.['application/json']?.schema),
    })),
  ) as Operation[];
}

/** A value the schema accepts, or near enough: only one part of each request is broken on purpose. */
export function plausible(schema: Schema): unknown {
  if (schema.enum) return schema.enum[0];
  if (schema.example !== undefined && typeof schema.example !== 'object') return schema.example;
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, plausible(value)]));
    case 'array': {
      const item = schema.items ?? { type: 'string' };
      const choices = item.enum ?? [plausible(item)];
      return choices.slice(0, Math.max(1, schema.minItems ?? 1));
    }
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 1, 1));
    case 'boolean':
      return false;
    default:
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'email') return 'someone@example.test';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
  }
}

/** Values the schema forbids, each with a word on what is wrong with it. */
export function forbidden(schema: Schema): [string, unknown][] {
  const values: [string, unknown][] = [];
  if (!schema.nullable) values.push(['null', null]);
  if (schema.type !== 'object') values.push(['an object', { nested: { deeper: 1 } }]);
  if (schema.type !== 'array') values.push(['an array', [1, 'two']]);
  switch (schema.type) {
    case 'integer':
    case 'number':
      values.push(['a numeric string', '12'], ['NaN as text', 'NaN'], ['Infinity as text', 'Infinity'], ['true', true]);
      if (schema.type === 'integer') values.push(['a fraction', 1.5]);
      if (schema.maximum !== undefined) values.push(['1e300', 1e300], ['one over the maximum', schema.maximum + 1]);
      if (schema.minimum !== undefined) values.push(['-1e300', -1e300], ['one under the minimum', schema.minimum - 1]);
      break;
    case 'boolean':
      values.push(['"true"', 'true'], ['1', 1]);
      break;
    case 'array': {
      values.push(['a string', 'x']);
      if (schema.maxItems !== undefined) {
        const item = plausible(schema.items ?? { type: 'string' });
        values.push([`${schema.maxItems + 1} items`, Array.from({ length: schema.maxItems + 1 }, () => item)]);
      }
      if ((schema.minItems ?? 0) > 0) values.push(['no items', []]);
      for (const [problem, item] of forbidden(schema.items ?? {}).slice(0, 6)) values.push([`an item that is ${problem}`, [item]]);
      break;
    }
    case 'object':
      values.push(['a string', 'x'], ['a number', 42]);
      break;
    default:
      values.push(['a number', 12345], ['false', false]);
      if (schema.maxLength !== undefined) {
        values.push([`${schema.maxLength + 1} characters`, 'x'.repeat(schema.maxLength + 1)], ['100,000 characters', 'x'.repeat(100_000)]);
      }
      if (schema.enum || schema.format === 'uuid' || schema.format === 'email' || schema.pattern) {
        values.push(['an unlisted or malformed value', 'zz-not-one-of-them'], ['a lone surrogate', '\ud800'], ['NUL', '\u0000']);
      }
      if ((schema.minLength ?? 0) > 0) values.push(['empty', '']);
  }
  return values;
}

/** Every place in a body a value can go: properties, nested objects' properties, the first item of lists. */
function locations(schema: Schema, at: (string | number)[] = []): Location[] {
  const here: Location[] = at.length > 0 ? [{ at, schema }] : [];
  if (at.length > 6) return here;
  if (schema.type === 'array' && schema.items) return [...here, ...locations(schema.items, [...at, 0])];
  const nested = Object.entries(schema.properties ?? {}).flatMap(([key, value]) => locations(value, [...at, key]));
  return [...here, ...nested];
}

function setAt(root: unknown, at: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root);
  let parent = copy as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[at[at.length - 1]] = value;
  return copy;
}

const label = (at: (string | number)[]) => at.join('.') || 'the body';
const nestedJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** Broken bodies: each arbitrary breaks one thing, as the schema words it. */
function brokenBodies(schema: Schema): fc.Arbitrary<Part>[] {
  const base = plausible(schema) as Record<string, unknown>;
  const json = (value: unknown) => JSON.stringify(value);
  const raw = (at: (string | number)[], text: string) => json(setAt(base, at, MARKER)).replace(json(MARKER), text);
  const places = locations(schema);
  const objects: Location[] = [{ at: [], schema }, ...places.filter((place) => place.schema.type === 'object')];
  const texts = places.filter((place) => place.schema.type === 'string' || (!place.schema.type && !place.schema.properties));
  const arbitraries: fc.Arbitrary<Part>[] = [
    fc.constantFrom('[]', '"x"', '1e300', 'null', 'true', '[{}]').map((body) => ({ broken: `a body of ${body}`, invalid: true, body })),
    fc.constantFrom('{"a":', '{', '{"a":1,}', "{'a':1}", '\u0000').map((body) => ({ broken: 'JSON cut short or not JSON', invalid: true, body })),
    fc.tuple(fc.constantFrom(...objects), fc.constantFrom('__proto__', 'constructor', 'prototype', 'zz_unknown')).map(([place, key]) => {
      const object = json(place.at.reduce<any>((value, step) => value[step], base));
      const withKey = object === '{}' ? `{"${key}":{"isAdmin":true}}` : `{"${key}":{"isAdmin":true},${object.slice(1)}`;
      return { broken: `the field ${key} in ${label(place.at)}`, invalid: true, body: place.at.length ? raw(place.at, withKey) : withKey };
    }),
  ];
  if (places.length > 0) {
    arbitraries.push(
      fc.constantFrom(...places).chain((place) =>
        fc.constantFrom(...forbidden(place.schema)).map(([problem, value]) => ({
          broken: `${label(place.at)} is ${problem}`,
          invalid: true,
          body: json(setAt(base, place.at, value)),
        })),
      ),
      fc.tuple(fc.constantFrom(...places), fc.constantFrom(17, 200, 10_000)).map(([place, depth]) => ({
        broken: `${label(place.at)} nested ${depth} deep`,
        invalid: true,
        body: raw(place.at, nestedJson(depth)),
      })),
    );
  }
  const numbers = places.filter((place) => place.schema.type === 'integer' || place.schema.type === 'number');
  if (numbers.length > 0) {
    // Literals JSON.stringify never writes: 1e400 parses as Infinity.
    arbitraries.push(
      fc.tuple(fc.constantFrom(...numbers), fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890')).map(([place, text]) => ({
        broken: `${label(place.at)} is ${text}`,
        invalid: place.schema.maximum !== undefined,
        body: raw(place.at, text),
      })),
    );
  }
  arbitraries.push(
    fc.constantFrom(50, 5_000).map((count) => ({
      broken: `${count} unknown fields`,
      invalid: true,
      body: json({ ...base, ...Object.fromEntries(Array.from({ length: count }, (_, i) => [`zz${i}`, i])) }),
    })),
    fc.constantFrom('text/plain', 'application/json; charset=utf-7', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x').map(
      (contentType) => ({ broken: `a body sent as ${contentType}`, invalid: false, contentType, body: json(base) }),
    ),
  );
  const required = schema.required ?? [];
  if (required.length > 0) {
    arbitraries.push(
      fc.constantFrom(...required).map((key) => {
        const { [key]: _left, ...rest } = base;
        return { broken: `${key} left out`, invalid: true, body: json(rest) };
      }),
    );
  }
  if (texts.length > 0) {
    arbitraries.push(
      fc.tuple(fc.constantFrom(...texts), fc.constantFrom(...HOSTILE_TEXT)).map(([place, text]) => ({
        broken: `${label(place.at)} holds ${json(text)}`,
        invalid: true,
        body: json(setAt(base, place.at, text)),
      })),
    );
  }
  return arbitraries;
}

/** Query values the parameter's schema forbids, as they would be written in a URL. */
function forbiddenQueryValues(schema: Schema): string[] {
  // %ED%A0%80 is a lone surrogate in CESU-8: not UTF-8, so it stays as written, which free text may be.
  const values = ['%00'];
  const constrained = schema.enum || schema.format === 'uuid' || schema.pattern;
  if (constrained || schema.type === 'integer' || schema.type === 'number') values.push('zz%ED%A0%80', '%20');
  if (schema.type === 'integer' || schema.type === 'number') {
    values.push('abc', '1.5', 'NaN', 'Infinity', '-Infinity', '', '0x10', '1e400');
    if (schema.maximum !== undefined) values.push('1e300', String(schema.maximum + 1), '99999999999999999999999');
    if (schema.minimum !== undefined) values.push('-1e300', String(schema.minimum - 1));
  }
  if (schema.maxLength !== undefined) values.push('x'.repeat(schema.maxLength + 1));
  if (constrained) values.push('zz-not-one-of-them', '');
  return values;
}

/** The operation's parameters, and a request with each of them well formed (fresh ids in the path). */
function wellFormed(operation: Operation) {
  const params = (where: Parameter['in']) => operation.parameters.filter((parameter) => parameter.in === where);
  const goodQuery = params('query')
    .filter((parameter) => parameter.required)
    .map((parameter) => `${parameter.name}=${encodeURIComponent(String(plausible(parameter.schema)))}`);
  const goodPath = (id: (name: string) => string = () => randomUUID()) =>
    operation.path.replace(/\{(\w+)\}/g, (_, name: string) => id(name));
  const required = params('header').filter((parameter) => parameter.required);
  const goodHeaders = (): Record<string, string> =>
    Object.fromEntries(required.map(({ name }) => [name, name === 'If-Match' ? '"1"' : `fuzz-${randomUUID()}`]));
  return { params, goodQuery, goodPath, required, goodHeaders };
}

/**
 * Well formed but for an empty body, to find a role the route lets past its guard: the guard answers
 * 401 or 403 before anything is validated, and fresh ids reach no record of another organisation.
 */
export function probeRequest(operation: Operation): MalformedRequest {
  const { goodQuery, goodPath, goodHeaders } = wellFormed(operation);
  const body = operation.body ? '{}' : undefined;
  return { broken: 'nothing: a probe', invalid: false, path: goodPath(), query: goodQuery.join('&'), headers: goodHeaders(), body };
}

/**
 * A malformed request for the operation; required headers are sent well formed unless they are what
 * is broken. `onlyInvalid` leaves out what the schema allows (unknown query parameters, other content
 * types), for routes whose well-formed requests start long work.
 */
export function malformedRequest(operation: Operation, options: { onlyInvalid?: boolean } = {}): fc.Arbitrary<MalformedRequest> {
  const { params, goodQuery, goodPath, required, goodHeaders } = wellFormed(operation);
  const unknownParameters = ['zzUnknown=1', `zz${'[a]'.repeat(40)}=1`, 'zz[999999]=1', '__proto__[admin]=1', 'constructor[prototype][x]=1', '%ED%A0%80=1'];
  const parts: fc.Arbitrary<Part>[] = [
    fc.constantFrom(...unknownParameters).map((pair) => ({ broken: `the unknown query ${pair}`, invalid: false, query: [...goodQuery, pair].join('&') })),
  ];
  const pathNames = params('path').map((parameter) => parameter.name);
  if (pathNames.length > 0) {
    const badIds = ['not-a-uuid', '1e300', '-1', '%00', '%ED%A0%80', '%', '__proto__', 'constructor', 'x'.repeat(5_000), '00000000-0000-0000-0000-00000000000g'];
    parts.push(
      fc.tuple(fc.constantFrom(...pathNames), fc.constantFrom(...badIds)).map(([name, id]) => ({
        broken: `the path's ${name} is ${id.slice(0, 40)}`,
        invalid: true,
        path: goodPath((other) => (other === name ? id : randomUUID())),
      })),
    );
  }
  for (const parameter of params('query')) {
    const others = goodQuery.filter((pair) => !pair.startsWith(`${parameter.name}=`));
    parts.push(
      fc.constantFrom(
        ...forbiddenQueryValues(parameter.schema).map((value) => [`${parameter.name}=${value}`]),
        [`${parameter.name}=1`, `${parameter.name}=2`],
        [`${parameter.name}[a]=1`],
      ).map((pairs) => ({ broken: `the query ${pairs.join('&').slice(0, 60)}`, invalid: true, query: [...others, ...pairs].join('&') })),
    );
    if (parameter.required) parts.push(fc.constant({ broken: `${parameter.name} left out`, invalid: true, query: others.join('&') }));
  }
  for (const { name } of required) {
    parts.push(
      fc.constantFrom('', ' ', 'x'.repeat(300), '"abc"', 'é').map((value) => ({
        broken: `the header ${name} is ${JSON.stringify(value.slice(0, 20))}`,
        invalid: true,
        headers: { ...goodHeaders(), [name]: value },
      })),
    );
  }
  if (operation.body) parts.push(...brokenBodies(operation.body));
  const goodBody = operation.body ? JSON.stringify(plausible(operation.body)) : undefined;
  const requests = fc.oneof(...parts).map((part) => ({
    path: goodPath(),
    query: goodQuery.join('&'),
    headers: goodHeaders(),
    body: goodBody,
    ...part,
  }));
  return options.onlyInvalid ? requests.filter((request) => request.invalid) : requests;
}
