import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { DomainError, DomainErrorCode, FieldProblem } from '@app/domain';
import { isDatabaseUnavailable } from '@app/persistence';

const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  [DomainErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.Conflict]: HttpStatus.CONFLICT,
  [DomainErrorCode.StaleVersion]: HttpStatus.PRECONDITION_FAILED,
  [DomainErrorCode.InvalidInput]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
};

/** Seconds a client is asked to wait before retrying while the database is away. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldProblem[];
  requestId: string;
  /** GET /health only: each dependency's check. */
  checks?: unknown;
}

/**
 * The one place errors become HTTP: every error body is `{ statusCode, error, message, details?,
 * requestId }`. Anything unexpected is a 500 with an opaque message; its detail goes to the log
 * under the same request id, never to the client.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request & { id?: string }>();
    const response = context.getResponse<Response>();
    const requestId = String(request.id ?? '');
    if (isDatabaseUnavailable(exception)) {
      // Nothing was stored (each write is one transaction): the client retries the same request.
      this.logger.warn({ requestId, err: describeForLog(exception) }, 'database unavailable');
      if (!response.headersSent) {
        response.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
        response
          .status(HttpStatus.SERVICE_UNAVAILABLE)
          .json(this.body(HttpStatus.SERVICE_UNAVAILABLE, 'The service is briefly unavailable: try again shortly', requestId));
      }
      return;
    }
    const body = this.toBody(exception, requestId);
    if (body.statusCode >= 500) this.logger.error({ requestId, err: describeForLog(exception) }, 'request failed');
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = DOMAIN_STATUS[exception.code];
      return this.body(statusCode, exception.message, requestId, exception.details);
    }
    // Nest wraps body-parser errors in an HttpException whose cause is the parser's own error.
    const parserError = bodyParserError(exception) ?? bodyParserError((exception as { cause?: unknown })?.cause);
    if (parserError) return this.body(parserError.status, parserError.message, requestId);
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const { message, details, checks } = response as { message?: unknown; details?: FieldProblem[]; checks?: unknown };
        const text = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
        if (checks) return { ...this.body(statusCode, text, requestId), checks };
        return this.body(statusCode, statusCode >= 500 ? 'Internal server error' : text, requestId, details);
      }
      return this.body(statusCode, statusCode >= 500 ? 'Internal server error' : String(response), requestId);
    }
    return this.body(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error', requestId);
  }

  private body(statusCode: number, message: string, requestId: string, details?: FieldProblem[]): ErrorBody {
    return {
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message,
      ...(details && details.length > 0 ? { details } : {}),
      requestId,
    };
  }
}

/** Errors raised by the JSON body parser before any controller runs. */
function bodyParserError(exception: unknown): { status: number; message: string } | undefined {
  const error = exception as { type?: string; status?: number };
  if (error?.type === 'entity.too.large') return { status: 413, message: 'Request body is larger than 256 KB' };
  if (error?.type === 'entity.parse.failed') return { status: 400, message: 'Request body is not valid JSON' };
  if (typeof error?.type === 'string' && typeof error.status === 'number' && error.status < 500) {
    return { status: error.status, message: 'Request body could not be read' };
  }
  return undefined;
}

/**
 * What a log may keep of an unexpected error: its type, code and stack frames. Not its message:
 * database errors quote the values they tripped on, which may be a child's details.
 */
function describeForLog(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { type: typeof exception };
  const frames = (exception.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  const code = (exception as { code?: unknown }).code;
  return { name: exception.name, ...(typeof code === 'string' ? { code } : {}), stack: frames.join('\n') };
}
