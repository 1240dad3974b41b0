import { addDays, todayInEngland } from '../../src/lib/format';

/** What the journeys sign in as and look for: made through the API, as a real alliance would be. */
export interface Fixture {
  baseUrl: string;
  password: string;
  allianceId: string;
  officer: { email: string; name: string };
  brentOfficer: { email: string };
  commissioner: { email: string };
  providers: { name: string; id: string; email: string }[];
  settings: { name: string; id: string; providerName: string }[];
}

export const PASSWORD = 'web-journeys-password-2026';

async function call<T>(baseUrl: string, token: string | null, method: string, path: string, body?: object): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const answer = await call<{ accessToken: string }>(baseUrl, null, 'POST', '/auth/login', { email, password });
  return answer.accessToken;
}

/** Two placing LAs in one alliance, three providers with homes around Ealing and Brent, and their users. */
export async function createFixture(baseUrl: string, admin: { email: string; password: string }): Promise<Fixture> {
  const adminToken = await login(baseUrl, admin.email, admin.password);
  const asAdmin = <T>(path: string, body: object) => call<T>(baseUrl, adminToken, 'POST', path, body);
  const alliance = await asAdmin<{ id: string }>('/alliances', {
    name: 'West London Alliance',
    localAuthorityCodes: ['E09000009', 'E09000005'],
  });
  const providerSpecs = [
    { name: 'Oakfield Care', sector: 'private', email: 'staff@oakfield.web.test' },
    { name: 'Birchwood Homes', sector: 'voluntary', email: 'staff@birchwood.web.test' },
    { name: 'Cedar Grove Children’s Services', sector: 'private', email: 'staff@cedar.web.test' },
  ] as const;
  const providers: Fixture['providers'] = [];
  for (const spec of providerSpecs) {
    const provider = await asAdmin<{ id: string }>('/providers', { name: spec.name, sector: spec.sector });
    await asAdmin('/admin/users', { email: spec.email, password: PASSWORD, role: 'provider_user', providerId: provider.id });
    providers.push({ name: spec.name, id: provider.id, email: spec.email });
  }
  const officer = { email: 'priya.shah@ealing.web.test', name: 'Priya Shah' };
  await asAdmin('/admin/users', {
    email: officer.email,
    password: PASSWORD,
    role: 'placement_officer',
    localAuthorityCode: 'E09000009',
    displayName: officer.name,
    phone: '020 7946 0321',
  });
  const brentOfficer = { email: 'placements@brent.web.test' };
  await asAdmin('/admin/users', {
    email: brentOfficer.email,
    password: PASSWORD,
    role: 'placement_officer',
    localAuthorityCode: 'E09000005',
  });
  const commissioner = { email: 'commissioning@wla.web.test' };
  await asAdmin('/admin/users', { email: commissioner.email, password: PASSWORD, role: 'commissioner', allianceId: alliance.id });

  const today = todayInEngland();
  const homes = [
    { provider: 0, name: 'Oakfield House', postcode: 'UB1 3HL', grade: 'good', cost: 4_800, support: 3 },
    { provider: 0, name: 'Oakfield Mews', postcode: 'W5 2NL', grade: 'outstanding', cost: 5_400, support: 2 },
    { provider: 1, name: 'Birchwood Lodge', postcode: 'HA0 4TL', grade: 'good', cost: 4_400, support: 3 },
    { provider: 2, name: 'Cedar Grove', postcode: 'UB8 1QE', grade: 'requires_improvement', cost: 3_900, support: 2 },
  ];
  const settings: Fixture['settings'] = [];
  for (const home of homes) {
    const provider = providers[home.provider];
    const token = await login(baseUrl, provider.email, PASSWORD);
    const setting = await call<{ id: string }>(baseUrl, token, 'POST', '/settings', {
      providerId: provider.id,
      name: home.name,
      placementType: 'K2',
      ofstedGrade: home.grade,
      postcode: home.postcode,
      registeredPlaces: 4,
      ageMin: 8,
      ageMax: 17,
      genders: ['female', 'male', 'other'],
      needsSupported: [
        { code: 'self-harm', level: home.support },
        { code: 'going-missing', level: 2 },
      ],
      needsExcluded: ['fire-setting'],
    });
    await call(baseUrl, token, 'POST', '/vacancies', {
      settingId: setting.id,
      beds: 2,
      availableFrom: today,
      availableUntil: addDays(today, 120),
      weeklyCost: home.cost,
      emergencyReady: true,
    });
    settings.push({ name: home.name, id: setting.id, providerName: provider.name });
  }
  return {
    baseUrl,
    password: PASSWORD,
    allianceId: alliance.id,
    officer,
    brentOfficer,
    commissioner,
    providers,
    settings,
  };
}
