import fc from 'fast-check';
import { malformedRequest, MalformedRequest, Operation, operationsOf, probeRequest } from './support/malformed-requests';
import { bearer, createOrganisations, Organisations, startTestApi, TestApi } from './support/test-api';

/**
 * Malformed bodies, query strings, path ids and headers, built from the OpenAPI document the api
 * publishes, sent to every operation with a token of a role the route allows, so that validation
 * rather than the role guard answers. No answer may be a 5xx; every 4xx has the contract's error
 * body; a 2xx is wrong when what was sent breaks the schema or the contract. Routes with nothing to
 * break (no parameters, no body) are still sent unknown query parameters of odd shapes.
 *
 * A fixed seed and 20 requests an operation keep the file near 20 s on two cores; FUZZ_RUNS=200
 * searches further by hand.
 */
const SEED = 20261203;
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 20);
/** Well-formed requests here start matching: they are sent only what the schema forbids. */
const LONG_WORK = new Set(['POST /api/v1/referrals']);
const ERROR_KEYS = new Set(['statusCode', 'error', 'message', 'requestId', 'details']);

interface Answer {
  status: number;
  body: any;
}

function send(api: TestApi, operation: Operation, token: string | undefined, request: MalformedRequest) {
  const url = request.query ? `${request.path}?${request.query}` : request.path;
  let call = api.http()[operation.method](url).set(request.headers);
  if (token) call = call.set(bearer(token));
  if (request.body !== undefined) call = call.set('Content-Type', request.contentType ?? 'application/json').send(request.body);
  return call.then((response) => ({ status: response.status, body: response.body }) as Answer);
}

/** What is wrong with an answer to a malformed request, if anything. */
function problemWith(answer: Answer, request: MalformedRequest): string | undefined {
  if (answer.status >= 500) return 'a server error';
  if (answer.status < 400) return request.invalid ? `accepted with ${answer.status}` : undefined;
  const { body } = answer;
  if (typeof body !== 'object' || body === null) return 'an error without a JSON body';
  const extra = Object.keys(body).filter((key) => !ERROR_KEYS.has(key));
  if (extra.length > 0) return `an error body with ${extra.join(', ')}`;
  if (body.statusCode !== answer.status) return 'an error body whose statusCode is not the status';
  if (typeof body.error !== 'string' || typeof body.message !== 'string' || typeof body.requestId !== 'string') {
    return 'an error body without error, message or requestId';
  }
  const details = body.details;
  if (details !== undefined && !(Array.isArray(details) && details.every((d) => typeof d?.field === 'string' && typeof d?.problem === 'string'))) {
    return 'details that are not [{field, problem}]';
  }
  return undefined;
}

const shown = (text: string | undefined) => (text && text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text);

describe('malformed requests to every operation (fuzz, e2e)', () => {
  let api: TestApi;
  let orgs: Organisations;

  beforeAll(async () => {
    api = await startTestApi();
    orgs = await createOrganisations(api);
  });
  afterAll(() => api.close());

  it('answers each with a 4xx in the contract error shape, never a 5xx, and accepts none that breaks the schema', async () => {
    const started = Date.now();
    const { body: document } = await api.http().get('/docs-json').expect(200);
    const operations = operationsOf(document);
    const tokens = [orgs.ealing, orgs.providerA.token, orgs.commissioner, orgs.admin];
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    const guarded: string[] = [];

    for (const operation of operations) {
      const name = `${operation.method.toUpperCase()} ${operation.path}`;
      // The first role the route lets past its guard.
      let token: string | undefined;
      for (const candidate of tokens) {
        const answer = await send(api, operation, candidate, probeRequest(operation));
        sent++;
        if (answer.status !== 401 && answer.status !== 403) {
          token = candidate;
          break;
        }
      }
      if (!token) guarded.push(name);
      const result = await fc.check(
        fc.asyncProperty(malformedRequest(operation, { onlyInvalid: LONG_WORK.has(name) }), async (request) => {
          const answer = await send(api, operation, token, request);
          sent++;
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const problem = problemWith(answer, request);
          if (problem) {
            throw new Error(
              `${name}: ${problem}\n  broken: ${request.broken}\n  path: ${shown(request.path)}\n  query: ${shown(request.query)}\n` +
                `  headers: ${JSON.stringify(request.headers)}\n  body: ${shown(request.body)}\n  answer: ${answer.status} ${shown(JSON.stringify(answer.body))}`,
            );
          }
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
      if (result.failed) failures.push(result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance));
    }

    // The figures, for the README and for anyone sizing the run.
    const answers = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
    console.info(
      `fuzz: ${operations.length} operations, ${sent} requests, ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
        `${failures.length} failing; answers ${answers.join(' ')}; no role let past the guard: ${guarded.join(', ') || 'none'}`,
    );
    expect(failures).toEqual([]);
  }, 120_000 + RUNS_PER_OPERATION * 2_000);
});
