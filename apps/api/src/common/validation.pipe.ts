import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { toFieldProblems } from './validation-details';

/** Whitelisting, unknown fields rejected, DTOs transformed; failures carry one detail per field problem. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    // The value is kept on the error only to tell a missing field; it never reaches the response.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) =>
      new BadRequestException({ message: 'Validation failed', details: toFieldProblems(errors) }),
  });
}
