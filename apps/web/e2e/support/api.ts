import { expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, todayInEngland } from '../../src/lib/format';
import { fixture } from './journey';
import { login } from './fixture';
import type { Stack } from './stack';

/** The api as one of the fixture's users: journeys set the scene and check what was stored through it. */
export async function apiAs(email: string) {
  const { baseUrl, password } = fixture();
  const token = await login(baseUrl, email, password);
  async function send<T = unknown>(method: string, path: string, body?: object, headers: Record<string, string> = {}) {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
  /** A call that must succeed: anything but 2xx fails the journey with the api's answer. */
  async function ok<T = unknown>(method: string, path: string, body?: object, headers?: Record<string, string>) {
    const answer = await send<T>(method, path, body, headers);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  return { send, ok, get: <T>(path: string) => ok<T>('GET', path), post: <T>(path: string, body?: object) => ok<T>('POST', path, body) };
}

export type Api = Awaited<ReturnType<typeof apiAs>>;

/**
 * The open vacancy of one of the provider's homes. Other journeys add vacancies to the same homes
 * (a reserved bed, withdrawn at once), so the home's name alone does not pick the right one.
 */
export async function openVacancyIn(provider: Api, settingName: string): Promise<{ id: string; settingName: string }> {
  const vacancies = await provider.get<{ id: string; settingName: string; status: string }[]>('/vacancies?status=open');
  const vacancy = vacancies.find((one) => one.settingName === settingName && one.status === 'open');
  if (!vacancy) throw new Error(`no open vacancy in ${settingName}`);
  return vacancy;
}

/** A date of birth that makes a child `years` old for the next few months. */
export const bornYearsAgo = (years: number) => addDays(todayInEngland(), -(years * 365.25 + 60)).slice(0, 10);

/**
 * Refers a child living in Ealing (UB1) for a children's home: every fixture home could take them.
 * Providers see a child only as "<age>-year-old <gender> from UB1", so each journey refers children
 * of an age and gender no other journey uses (the journeys share one api and its data).
 * Answers once matching has shortlisted the referral.
 */
export async function referChild(
  officer: Api,
  child: { ageYears: number; gender: 'female' | 'male' | 'other'; reference: string },
  urgency: 'emergency' | 'urgent' | 'planned' = 'planned',
): Promise<string> {
  const today = todayInEngland();
  const referral = await officer.ok<{ id: string }>(
    'POST',
    '/referrals',
    {
      child: {
        localReference: child.reference,
        dateOfBirth: bornYearsAgo(child.ageYears),
        gender: child.gender,
        homePostcode: 'UB1 1AA',
        legalStatus: 'C2',
        categoryOfNeed: 'N1',
        needs: [{ code: 'self-harm', level: 2, essential: true }],
      },
      urgency,
      requiredBy: urgency === 'emergency' ? today : addDays(today, 28),
      placementTypes: ['K2'],
      maxDistanceMiles: 30,
    },
    { 'Idempotency-Key': randomUUID() },
  );
  // Matching happens in the worker, a moment after the request.
  await expect
    .poll(async () => (await officer.get<{ status: string }>(`/referrals/${referral.id}`)).status, { timeout: 20_000 })
    .toBe('shortlisted');
  return referral.id;
}

/** One query against the journeys' database, for what no api route shows (a decline's reason). */
export async function queryDatabase<T>(sql: string, params: unknown[]): Promise<T[]> {
  const stack = JSON.parse(process.env.WEB_STACK ?? 'null') as Stack;
  const url = new URL(process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${stack.databaseName}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}


/** The officer's referrals with a case reference, through the api. */
export async function referralsWithReference(officer: Api, reference: string) {
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
