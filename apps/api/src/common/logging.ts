import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Every request gets an id (the caller's X-Request-Id if it is sane), echoed in the response header,
 * in every log line and in every error body. Assigned before the body is parsed, so even a
 * malformed body's 400 carries it.
 */
export function assignRequestId(request: IncomingMessage & { id?: unknown }, response: ServerResponse): string {
  if (typeof request.id === 'string') return request.id;
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
  request.id = id;
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured JSON logs. A request is logged by method, path, status and timing only: no headers
 * (tokens), no query strings, no bodies, so no child's personal data can reach the log.
 */
export function pinoOptions(level: string): Params {
  return {
    pinoHttp: {
      level,
      genReqId: (request: IncomingMessage, response: ServerResponse) => assignRequestId(request, response),
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          path: request.url.split('?')[0],
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      redact: { paths: ['req.headers', 'req.body', 'req.query'], remove: true },
      autoLogging: { ignore: (request: IncomingMessage) => request.url === '/health' },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      customSuccessMessage: (request, response) => `${request.method} ${response.statusCode}`,
      customErrorMessage: (request, response) => `${request.method} ${response.statusCode}`,
    },
  };
}
