import { BadRequestException, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

/**
 * Postgres cannot store the NUL character in text or jsonb. A body or query carrying one is refused
 * here with a 400 naming every such field, before validation, rather than failing at the database.
 */
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const fields = nulFields(value, '');
    if (fields.length > 0) {
      throw new BadRequestException({
        message: 'Validation failed',
        details: fields.map((field) => ({ field, problem: 'must not contain the NUL character' })),
      });
    }
    return value;
  }
}

function nulFields(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || '(body)'] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulFields(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => nulFields(item, path ? `${path}.${key}` : key));
  }
  return [];
}
