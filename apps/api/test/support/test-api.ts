import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, deleteRedisKeys, resolveTestSettings, testRedisPrefix } from '@app/testing';
import { createRedisConnection } from '@app/queue';
import { checkResponsesAgainstDocument } from './openapi-conformance';

export const ADMIN = { email: 'admin@e2e.test', password: 'admin-password-for-e2e' };
const JWT_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e-secret';

export interface TestApi {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  queuePrefix: string;
  databaseUrl: string;
  redisUrl: string;
  close(): Promise<void>;
}

/**
 * The real api, configured as main.ts configures it, on a database and Redis key prefix of its own.
 * The environment is set before the app module is loaded because @nestjs/config validates it then.
 */
export async function startTestApi(
  env: Record<string, string> = {},
  /** The address the api connects to, for a test that puts a proxy between them. */
  options: { databaseUrlForApi?: (url: string) => string } = {},
): Promise<TestApi> {
  const database = await createTestDatabase();
  const queuePrefix = testRedisPrefix();
  const { redisUrl } = resolveTestSettings();
  Object.assign(process.env, {
    DATABASE_URL: options.databaseUrlForApi?.(database.url) ?? database.url,
    REDIS_URL: redisUrl,
    JWT_SECRET,
    QUEUE_PREFIX: queuePrefix,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_ACCOUNT_RATE_LIMIT: '1000',
    INTAKE_RATE_LIMIT: '100000',
    INTAKE_RATE_BURST: '100000',
    DATABASE_POOL_SIZE: '5',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const { app, conformance } = await createApiInstance();
  const { DataSource } = await import('typeorm');
  return {
    app,
    http: () => request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    queuePrefix,
    databaseUrl: database.url,
    redisUrl,
    close: async () => {
      await app.close();
      const redis = createRedisConnection(redisUrl);
      await deleteRedisKeys(redis, queuePrefix);
      redis.disconnect();
      await database.drop();
      if (conformance.problems.size > 0) {
        throw new Error(`Answers that differ from the OpenAPI document:\n${[...conformance.problems].join('\n')}`);
      }
    },
  };
}

/**
 * One more api process on the same database, Redis and prefix as the test's api (the environment
 * startTestApi set), as a second instance behind a load balancer would be; close it yourself.
 */
export async function startAnotherInstance(): Promise<{ app: INestApplication; http: () => ReturnType<typeof request> }> {
  const { app } = await createApiInstance();
  return { app, http: () => request(app.getHttpServer()) };
}

async function createApiInstance() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AppModule } = require('../../src/app.module');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configureApp } = require('../../src/configure-app');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildOpenApiDocument } = require('../../src/openapi');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ bodyParser: false });
  configureApp(app);
  // Every answer of every e2e test is checked against the document the api publishes.
  const conformance = checkResponsesAgainstDocument(app, buildOpenApiDocument(app));
  await app.init();
  return { app, conformance };
}

export async function login(api: TestApi, email: string, password: string): Promise<string> {
  const response = await api.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
  return response.body.accessToken;
}

export interface Organisations {
  admin: string;
  providerA: { id: string; token: string };
  providerB: { id: string; token: string };
  ealing: string;
  brent: string;
  commissioner: string;
  allianceId: string;
}

/** Two providers, two LAs' placement teams and a commissioner, each with a token, created through the API. */
export async function createOrganisations(api: TestApi): Promise<Organisations> {
  const admin = await login(api, ADMIN.email, ADMIN.password);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = async (path: string, body: object) =>
    (await api.http().post(`/api/v1${path}`).set(as(admin)).send(body).expect(201)).body;
  const providerA = await post('/providers', { name: 'Oakfield Care', sector: 'private' });
  const providerB = await post('/providers', { name: 'Birchwood Homes', sector: 'voluntary' });
  const alliance = await post('/alliances', {
    name: 'West London Alliance',
    localAuthorityCodes: ['E09000009', 'E09000005'],
  });
  const password = 'a-long-enough-password';
  const users = [
    { email: 'provider.a@e2e.test', role: 'provider_user', providerId: providerA.id },
    { email: 'provider.b@e2e.test', role: 'provider_user', providerId: providerB.id },
    { email: 'officer.ealing@e2e.test', role: 'placement_officer', localAuthorityCode: 'E09000009' },
    { email: 'officer.brent@e2e.test', role: 'placement_officer', localAuthorityCode: 'E09000005' },
    { email: 'commissioner@e2e.test', role: 'commissioner', allianceId: alliance.id },
  ];
  for (const user of users) await post('/admin/users', { ...user, password });
  const [a, b, ealing, brent, commissioner] = await Promise.all(users.map((user) => login(api, user.email, password)));
  return {
    admin,
    providerA: { id: providerA.id, token: a },
    providerB: { id: providerB.id, token: b },
    ealing,
    brent,
    commissioner,
    allianceId: alliance.id,
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A 201 check that fails with the response body, which names the field, rather than only the status. */
export const expectCreated = (response: { status: number; body: unknown }) => {
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${JSON.stringify(response.body)}`);
};

/** Today in England, as the api dates things. */
export const todayInEngland = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

/**
 * A setting of the provider, through the api: a children's home in Ealing (UB1) for 8-17s of any
 * gender, supporting self-harm to level 3; override what the test is about.
 */
export async function createSetting(api: TestApi, provider: { id: string; token: string }, overrides: Record<string, unknown> = {}) {
  const { body } = await api
    .http()
    .post('/api/v1/settings')
    .set(bearer(provider.token))
    .send({
      providerId: provider.id,
      name: 'Home',
      placementType: 'K2',
      ofstedGrade: 'good',
      postcode: 'UB1 1AA',
      registeredPlaces: 4,
      ageMin: 8,
      ageMax: 17,
      genders: ['female', 'male', 'other'],
      needsSupported: [{ code: 'self-harm', level: 3 }],
      needsExcluded: [],
      ...overrides,
    })
    .expect(expectCreated);
  return body;
}

/** An open vacancy of one bed in the setting from today at 5,000 a week; override what the test is about. */
export async function createVacancy(api: TestApi, provider: { token: string }, settingId: string, overrides: Record<string, unknown> = {}) {
  const { body } = await api
    .http()
    .post('/api/v1/vacancies')
    .set(bearer(provider.token))
    .send({ settingId, beds: 1, availableFrom: todayInEngland(), weeklyCost: 5_000, ...overrides })
    .expect(expectCreated);
  return body;
}

/** A setting and an open vacancy in it (see createSetting and createVacancy); the vacancy's id. */
export async function openVacancy(
  api: TestApi,
  provider: { id: string; token: string },
  overrides: { setting?: Record<string, unknown>; vacancy?: Record<string, unknown> } = {},
): Promise<string> {
  const setting = await createSetting(api, provider, overrides.setting);
  return (await createVacancy(api, provider, setting.id, overrides.vacancy)).id;
}

/** A valid referral body; override what the test is about. */
export function referralBody(overrides: Record<string, unknown> = {}, child: Record<string, unknown> = {}) {
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return {
    child: {
      localReference: 'EAL-CASE-0001',
      dateOfBirth: '2012-05-01',
      gender: 'female',
      homePostcode: 'UB1 1AA',
      legalStatus: 'C2',
      categoryOfNeed: 'N1',
      needs: [{ code: 'self-harm', level: 2, essential: true }],
      ...child,
    },
    urgency: 'planned',
    requiredBy: inAMonth,
    placementTypes: ['K2', 'U6'],
    maxDistanceMiles: 30,
    ...overrides,
  };
}

/** A commissioner of another alliance (North London: Barnet), for the 404s of another organisation. */
export async function createOtherAllianceCommissioner(api: TestApi, email: string): Promise<string> {
  const admin = await login(api, ADMIN.email, ADMIN.password);
  const other = (
    await api.http().post('/api/v1/alliances').set(bearer(admin)).send({ name: `North London ${email}`, localAuthorityCodes: ['E09000003'] }).expect(201)
  ).body;
  await api
    .http()
    .post('/api/v1/admin/users')
    .set(bearer(admin))
    .send({ email, role: 'commissioner', allianceId: other.id, password: 'a-long-enough-password' })
    .expect(201);
  return login(api, email, 'a-long-enough-password');
}
