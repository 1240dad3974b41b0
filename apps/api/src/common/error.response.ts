import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

export class FieldProblemResponse {
  @ApiProperty({ description: 'The field, header or parameter, as a path into the body', example: 'child.needs[0].level' })
  field: string;

  @ApiProperty({ example: 'must not be greater than 3' })
  problem: string;
}

/** Every error the api answers, whatever the route: one shape, built by HttpExceptionFilter. */
export class ErrorResponse {
  @ApiProperty({ type: 'integer', example: 400 })
  statusCode: number;

  @ApiProperty({ description: "The status code's reason phrase", example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'Validation failed' })
  message: string;

  @ApiPropertyOptional({ type: [FieldProblemResponse], description: 'What is wrong with the request, field by field; absent when nothing is' })
  details?: FieldProblemResponse[];

  @ApiProperty({ description: 'The same id as in the logs and the X-Request-Id header' })
  requestId: string;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 429;

const MEANING: Record<ErrorStatus, string> = {
  400: 'The request is invalid: `details` names each field and what is wrong with it',
  401: 'No bearer token, or one that is invalid or has expired',
  403: 'The caller’s role may not do this',
  404: 'Not found, or another organisation’s (which looks the same)',
  409: 'It conflicts with the record as it is now',
  412: '`If-Match` names a version that is no longer current: nothing changed; read it again',
  429: 'Too many attempts; wait a minute',
};

/**
 * The error answers a route gives, each with the error body: a status alone takes its usual
 * meaning, `[status, description]` says what it means on this route.
 */
export function ApiErrors(...errors: (ErrorStatus | [ErrorStatus, string])[]) {
  return applyDecorators(
    ...errors.map((error) => {
      const [status, description] = Array.isArray(error) ? error : [error, MEANING[error]];
      return ApiResponse({ status, description, type: ErrorResponse });
    }),
  );
}
