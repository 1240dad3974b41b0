import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { toFieldProblems } from './validation-details';

/** Whitelisting, unknown fields rejected, DTOs transformed; failures carry one detail per field problem. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({ message: 'Validation failed', details: toFieldProblems(errors) }),
  });
}
