import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '@app/domain';

/** A required request header; missing or malformed is a 400 naming the header. */
export function requireHeader(request: Request, name: string, pattern: RegExp, problem: string): string {
  const value = request.header(name);
  if (value === undefined || value.trim() === '') throw DomainError.invalid(name, 'header is required');
  const trimmed = value.trim();
  if (!pattern.test(trimmed)) throw DomainError.invalid(name, problem);
  return trimmed;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext) =>
  requireHeader(
    context.switchToHttp().getRequest<Request>(),
    'Idempotency-Key',
    IDEMPOTENCY_KEY,
    'must be 1-200 letters, digits, dots, dashes, colons or underscores (a UUID is ideal)',
  ),
);

/** `If-Match: 3`, `If-Match: "3"` or `If-Match: W/"3"`: the version the client last read. */
export const IfMatchVersion = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const raw = requireHeader(
    context.switchToHttp().getRequest<Request>(),
    'If-Match',
    /^(W\/)?"?\d{1,9}"?$/,
    'must be the version last read, e.g. "3"',
  );
  return Number(raw.replace(/\D/g, ''));
});
