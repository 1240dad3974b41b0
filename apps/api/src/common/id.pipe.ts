import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@app/domain';

/** Route ids are UUIDs; anything else is a 400 naming the parameter. */
export const ParseId = (name = 'id') =>
  new ParseUUIDPipe({ exceptionFactory: () => DomainError.invalid(name, 'must be a UUID') });
