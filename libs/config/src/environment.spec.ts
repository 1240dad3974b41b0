import { ConfigurationError, validateEnvironment } from './environment';

const VALID = {
  DATABASE_URL: 'postgres://placements@db:5432/placements',
  REDIS_URL: 'redis://redis:6379',
  JWT_SECRET: 'a'.repeat(32),
};

/** Runs validateEnvironment and returns the ConfigurationError it throws. */
function rejection(raw: Record<string, unknown>): ConfigurationError {
  try {
    validateEnvironment(raw);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('validateEnvironment accepted the environment');
}

describe('validateEnvironment', () => {
  it('accepts the required settings and fills in the defaults', () => {
    expect(validateEnvironment(VALID)).toMatchObject({
      ...VALID,
      PORT: 3000,
      QUEUE_PREFIX: 'placements',
      LOG_LEVEL: 'info',
      JWT_EXPIRES_IN: 3600,
      DATABASE_POOL_SIZE: 20,
      VACANCY_STALE_DAYS: 7,
    });
  });

  it('treats empty values as unset, as container environments write them', () => {
    expect(validateEnvironment({ ...VALID, PORT: '', QUEUE_PREFIX: '' })).toMatchObject({
      PORT: 3000,
      QUEUE_PREFIX: 'placements',
    });
    const env = validateEnvironment({ ...VALID, ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    expect(env.ADMIN_EMAIL).toBeUndefined();
    expect(env.ADMIN_PASSWORD).toBeUndefined();
  });

  it('reads numbers from their string form', () => {
    expect(
      validateEnvironment({ ...VALID, PORT: '8080', JWT_EXPIRES_IN: '900', DATABASE_POOL_SIZE: '5' }),
    ).toMatchObject({ PORT: 8080, JWT_EXPIRES_IN: 900, DATABASE_POOL_SIZE: 5 });
  });

  it('accepts postgresql:// and rediss:// URLs', () => {
    expect(() =>
      validateEnvironment({ ...VALID, DATABASE_URL: 'postgresql://db/placements', REDIS_URL: 'rediss://cache:6380' }),
    ).not.toThrow();
  });

  it('keeps only its own settings', () => {
    expect(validateEnvironment({ ...VALID, PATH: '/usr/bin', HOME: '/root' })).not.toHaveProperty('PATH');
  });

  it.each([
    ['a missing DATABASE_URL', { DATABASE_URL: undefined }, 'DATABASE_URL'],
    ['a DATABASE_URL of another scheme', { DATABASE_URL: 'mysql://db/placements' }, 'DATABASE_URL'],
    ['a missing REDIS_URL', { REDIS_URL: undefined }, 'REDIS_URL'],
    ['a bad REDIS_URL', { REDIS_URL: 'http://redis:6379' }, 'REDIS_URL'],
    ['a missing JWT_SECRET', { JWT_SECRET: undefined }, 'JWT_SECRET'],
    ['a short JWT_SECRET', { JWT_SECRET: 'a'.repeat(31) }, 'JWT_SECRET'],
    ['a PORT that is not a number', { PORT: 'eighty' }, 'PORT'],
    ['a PORT out of range', { PORT: '70000' }, 'PORT'],
    ['a QUEUE_PREFIX with a colon', { QUEUE_PREFIX: 'place:ments' }, 'QUEUE_PREFIX'],
    ['an unknown LOG_LEVEL', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    ['a JWT_EXPIRES_IN under a minute', { JWT_EXPIRES_IN: '30' }, 'JWT_EXPIRES_IN'],
    ['a DATABASE_POOL_SIZE of 0', { DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    ['a LOGIN_ACCOUNT_RATE_LIMIT of 0', { LOGIN_ACCOUNT_RATE_LIMIT: '0' }, 'LOGIN_ACCOUNT_RATE_LIMIT'],
    ['a TRUST_PROXY that is a word', { TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
    ['a TRUST_PROXY with a bad address', { TRUST_PROXY: '10.0.0.1,10.0.0.300' }, 'TRUST_PROXY'],
    ['a TRUST_PROXY with a bad prefix', { TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    ['a TRUST_PROXY with an empty entry', { TRUST_PROXY: '10.0.0.1,' }, 'TRUST_PROXY'],
    ['a negative TRUST_PROXY', { TRUST_PROXY: '-1' }, 'TRUST_PROXY'],
    ['a VACANCY_STALE_DAYS of 0', { VACANCY_STALE_DAYS: '0' }, 'VACANCY_STALE_DAYS'],
    ['a VACANCY_STALE_DAYS that is not whole', { VACANCY_STALE_DAYS: '1.5' }, 'VACANCY_STALE_DAYS'],
  ])('rejects %s, naming it', (_, change, variable) => {
    const error = rejection({ ...VALID, ...change });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain(variable);
    expect(error.message).toContain(variable);
  });

  it('names every bad variable at once, on a single line', () => {
    const error = rejection({ REDIS_URL: 'localhost:6379', JWT_SECRET: 'short' });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.name).toBe('ConfigurationError');
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(/^Invalid configuration: /);
    for (const variable of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']) expect(error.message).toContain(variable);
    expect(error.problems).toHaveLength(3);
  });

  it('does not echo the values it rejects, which may be secrets', () => {
    const error = rejection({ ...VALID, JWT_SECRET: 'hunter2-but-short' });
    expect(error.message).not.toContain('hunter2');
  });

  describe('login throttling', () => {
    it('defaults to 20 attempts per account and to trusting no proxy', () => {
      expect(validateEnvironment(VALID)).toMatchObject({ LOGIN_ACCOUNT_RATE_LIMIT: 20, TRUST_PROXY: false });
      expect(validateEnvironment({ ...VALID, LOGIN_ACCOUNT_RATE_LIMIT: '', TRUST_PROXY: '' })).toMatchObject({
        LOGIN_ACCOUNT_RATE_LIMIT: 20,
        TRUST_PROXY: false,
      });
    });

    it.each([
      ['false', false],
      ['true', true],
      [' true ', true],
      ['0', 0],
      ['2', 2],
      ['10.0.0.1', ['10.0.0.1']],
      ['10.0.0.0/8, 192.168.1.7,fd00::/8', ['10.0.0.0/8', '192.168.1.7', 'fd00::/8']],
      ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
      ['::1', ['::1']],
    ])('reads TRUST_PROXY=%j as express takes it', (raw, expected) => {
      expect(validateEnvironment({ ...VALID, TRUST_PROXY: raw }).TRUST_PROXY).toEqual(expected);
    });
  });

  describe('the first admin account', () => {
    it('rejects ADMIN_EMAIL without ADMIN_PASSWORD', () => {
      const error = rejection({ ...VALID, ADMIN_EMAIL: 'admin@example.org' });
      expect(error.message).toContain('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
    });

    it('rejects ADMIN_PASSWORD without ADMIN_EMAIL', () => {
      const error = rejection({ ...VALID, ADMIN_PASSWORD: 'a long enough password' });
      expect(error.message).toContain('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
    });

    it('rejects a malformed ADMIN_EMAIL and a short ADMIN_PASSWORD', () => {
      const error = rejection({ ...VALID, ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'short' });
      expect(error.message).toContain('ADMIN_EMAIL must be an email address');
      expect(error.message).toContain('ADMIN_PASSWORD must be at least 12 characters');
    });

    it('accepts both together', () => {
      expect(
        validateEnvironment({ ...VALID, ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'a long enough password' }),
      ).toMatchObject({ ADMIN_EMAIL: 'admin@example.org' });
    });
  });
});
