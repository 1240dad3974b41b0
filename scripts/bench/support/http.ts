/** HTTP calls for a benchmark's set-up (not measured). */
import { todayInEngland } from '@app/domain';

export async function callJson(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; expect: number },
): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  if (response.status !== options.expect) {
    throw new Error(`${method} ${path}: expected ${options.expect}, got ${response.status} ${text.slice(0, 500)}`);
  }
  return text ? JSON.parse(text) : undefined;
}

/**
 * The body of POST /referrals for a child of Ealing (born 2010-2014, self-harm at level 1), which
 * the benchmarks' and the chaos run's homes all accept: routine ones are required in 30 days,
 * emergencies today.
 */
export function referralRequest(localReference: string, n: number, urgency: 'emergency' | 'planned', placementTypes: string[]) {
  return {
    child: {
      localReference,
      dateOfBirth: new Date(Date.UTC(2010, 0, 1) + ((n * 7919) % 1_800) * 86_400_000).toISOString().slice(0, 10),
      gender: ['female', 'male'][n % 2],
      homePostcode: 'UB1 1AA',
      legalStatus: 'C2',
      categoryOfNeed: 'N1',
      needs: [{ code: 'self-harm', level: 1, essential: false }],
    },
    urgency,
    requiredBy: todayInEngland(new Date(Date.now() + (urgency === 'emergency' ? 0 : 30 * 86_400_000))),
    placementTypes,
  };
}

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const body = await callJson(baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password }, expect: 200 });
  return body.accessToken;
}
