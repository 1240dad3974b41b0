import { login } from './fixture';
import { fixture } from './journey';

/** The api as one of the fixture's users, for what a journey needs to arrange or to check. */
export async function apiAs(email: string) {
  const { baseUrl, password } = fixture();
  const token = await login(baseUrl, email, password);
  const call = async <T>(method: string, path: string, body?: object): Promise<T> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    token,
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body?: object) => call<T>('POST', path, body),
    patch: <T>(path: string, body: object, headers: Record<string, string> = {}) =>
      fetch(`${baseUrl}/api/v1${path}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as T })),
  };
}

export type ApiAs = Awaited<ReturnType<typeof apiAs>>;

/** The officer's referrals with a case reference, through the api. */
export async function referralsWithReference(officer: ApiAs, reference: string) {
  const referrals = await officer.get<{ id: string; child: { localReference: string } }[]>('/referrals?limit=200');
  return referrals.filter((referral) => referral.child.localReference === reference);
}

/** Polls until `probe` gives a value: for state the api reaches in the background. */
export async function until<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
