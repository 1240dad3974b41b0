import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { session } from './session';

/** Thrown for any non-2xx answer: the contract's error body, so forms can show each field's problem. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message || `Request failed (${status})`);
  }
  /** The problem the api named for one field, e.g. `child.homePostcode`. */
  problemFor(field: string): string | undefined {
    return this.body.details?.find((detail) => detail.field === field)?.problem;
  }
}

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; problem: string }[];
  requestId?: string;
}

/** Called when the api refuses the token (401), so the app can clear its cache and ask to sign in. */
let onUnauthorised: () => void = () => undefined;
export function setUnauthorisedHandler(handler: () => void) {
  onUnauthorised = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.get()?.token;
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !request.url.endsWith('/auth/login')) {
      session.expire();
      onUnauthorised();
    }
    return response;
  },
};

// Same origin: the schema's paths already start with the api's prefix (`/api/v1/...`).
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

/**
 * Unwraps an openapi-fetch answer: the data on 2xx, an ApiError otherwise. TanStack Query and the
 * forms deal in exceptions, so every call goes through here.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as Partial<ApiErrorBody>;
  throw new ApiError(response.status, {
    statusCode: response.status,
    error: body.error ?? response.statusText,
    message: body.message ?? `Request failed (${response.status})`,
    details: body.details,
    requestId: body.requestId,
  });
}
