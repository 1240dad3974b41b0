import type { TestApi } from './test-api';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  nullable?: boolean;
  enum?: unknown[];
}

/** A schema with its $ref (and a lone allOf, as Swagger writes a referenced property) followed to the component. */
export interface DocumentedSchema {
  properties: Record<string, Schema>;
  required: string[];
  /** The schema of one property, followed to its component; arrays to their items. */
  property(name: string): DocumentedSchema;
}

/**
 * What the OpenAPI document at /docs-json says a route answers with a status: a web client's types
 * are generated from it, so a route without a real schema would give them `unknown`.
 */
export async function documentedResponse(api: TestApi, method: 'get' | 'post', path: string, status = 200): Promise<DocumentedSchema> {
  const { body: document } = await api.http().get('/docs-json').expect(200);
  const schema = document.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} documents no JSON body for ${status}`);
  const follow = (s: Schema): DocumentedSchema => {
    let target = s;
    for (;;) {
      if (target.type === 'array' && target.items) target = target.items;
      else if (target.allOf?.length === 1) target = target.allOf[0];
      else if (target.$ref) target = document.components.schemas[target.$ref.replace('#/components/schemas/', '')];
      else break;
    }
    const properties = target.properties ?? {};
    return {
      properties,
      required: [...(target.required ?? [])].sort(),
      property: (name) => {
        if (!properties[name]) throw new Error(`the schema has no property ${name}`);
        return follow(properties[name]);
      },
    };
  };
  return follow(schema);
}

/** The property names of a documented schema, sorted, to compare with a response's keys. */
export const documentedKeys = (schema: DocumentedSchema) => Object.keys(schema.properties).sort();
