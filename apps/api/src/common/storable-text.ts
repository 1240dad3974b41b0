import { BadRequestException, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

/** Deeper than any body or query of the contract (the deepest is four levels). */
export const MAX_INPUT_DEPTH = 16;

/** Keys that would reach an object's prototype if anything merged the input; never a field of ours. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A UTF-16 surrogate without its pair: not text, and not storable as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

interface FieldProblem {
  field: string;
  problem: string;
}

/**
 * Checks every body and query before validation, without recursion, so that no input can overflow
 * the stack or reach a validator it would crash:
 *   - nesting deeper than MAX_INPUT_DEPTH is refused at once;
 *   - `__proto__`, `constructor` and `prototype` are refused as field names;
 *   - Postgres cannot store the NUL character in text or jsonb, nor a lone UTF-16 surrogate.
 * Each problem is a 400 naming its field, as validation's are.
 */
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const problems = inputProblems(value);
    if (problems.length > 0) throw new BadRequestException({ message: 'Validation failed', details: problems });
    return value;
  }
}

export function inputProblems(input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    const field = path || '(body)';
    if (typeof value === 'string') {
      if (value.includes('\u0000')) problems.push({ field, problem: 'must not contain the NUL character' });
      else if (LONE_SURROGATE.test(value)) problems.push({ field, problem: 'must be valid Unicode text' });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      return [{ field, problem: `must not be nested more than ${MAX_INPUT_DEPTH} levels deep` }];
    }
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) stack.push({ value: value[index], path: `${path}[${index}]`, depth: depth + 1 });
      continue;
    }
    const children: typeof stack = [];
    for (const key of Object.keys(value)) {
      const child = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) problems.push({ field: child, problem: 'is not an allowed field' });
      else if (LONE_SURROGATE.test(key)) problems.push({ field, problem: 'has a field name that is not valid Unicode text' });
      else children.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return problems;
}
