/**
 * The region a chaos run works in, created through the api as an administrator and providers
 * would: two providers with webhooks and settings in Ealing, each with an open vacancy
 * (every third ready for emergencies), and a placement officer of Ealing.
 */
import { randomBytes } from 'node:crypto';
import { todayInEngland } from '@app/domain';
import { callJson, login } from '../bench/support/http';

const EALING = 'E09000009';
/** Every vacancy of a chaos run opens with this many beds, so the checks know each one's beds. */
export const VACANCY_BEDS = 2;

export interface Region {
  officerToken: string;
  /** Each provider's user's token, by provider id. */
  providerTokens: Map<string, string>;
  /** Each provider's settings, by provider id. */
  settingIds: Map<string, string[]>;
  vacancies: number;
}

/** The body of POST /vacancies for a vacancy opening today (every third ready for emergencies). */
export function vacancyBody(settingId: string, n: number) {
  return {
    settingId,
    beds: VACANCY_BEDS,
    availableFrom: todayInEngland(),
    weeklyCost: 5_000 + 100 * (n % 10),
    emergencyReady: n % 3 === 0,
  };
}

export async function seedRegion(baseUrl: string, adminToken: string, hookUrl: string, vacanciesPerProvider: number): Promise<Region> {
  const password = randomBytes(18).toString('base64url');
  const post = (path: string, token: string, body: object, expect = 201) => callJson(baseUrl, 'POST', `/api/v1${path}`, { token, body, expect });
  const user = async (email: string, fields: object) => {
    await post('/admin/users', adminToken, { email, password, ...fields });
    return login(baseUrl, email, password);
  };
  const providerTokens = new Map<string, string>();
  const settingIds = new Map<string, string[]>();
  let vacancies = 0;
  for (const [n, name] of ['Oakfield Care', 'Birchwood Homes'].entries()) {
    const provider = await post('/providers', adminToken, { name, sector: 'private' });
    const token = await user(`provider-${n}@chaos.test`, { role: 'provider_user', providerId: provider.id });
    providerTokens.set(provider.id, token);
    settingIds.set(provider.id, []);
    await callJson(baseUrl, 'PUT', `/api/v1/providers/${provider.id}/webhook`, {
      token,
      body: { url: hookUrl, secret: randomBytes(24).toString('hex') },
      expect: 200,
    });
    for (let v = 0; v < vacanciesPerProvider; v += 1) {
      const setting = await post('/settings', token, {
        providerId: provider.id,
        name: `${name} home ${v + 1}`,
        placementType: 'K2',
        ofstedGrade: 'good',
        postcode: v % 2 === 0 ? 'UB1 1AA' : 'W5 1AA',
        registeredPlaces: 4,
        ageMin: 8,
        ageMax: 17,
        genders: ['female', 'male', 'other'],
        needsSupported: [{ code: 'self-harm', level: 3 }],
        needsExcluded: [],
      });
      settingIds.get(provider.id)!.push(setting.id);
      await post('/vacancies', token, vacancyBody(setting.id, v));
      vacancies += 1;
    }
  }
  const officerToken = await user('officer@chaos.test', { role: 'placement_officer', localAuthorityCode: EALING });
  return { officerToken, providerTokens, settingIds, vacancies };
}
