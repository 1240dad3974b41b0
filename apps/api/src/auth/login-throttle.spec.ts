import { accountTracker } from './login-throttle';

describe('accountTracker', () => {
  it('counts one account however its email is written, without holding the email', () => {
    const tracker = accountTracker({ body: { email: 'Ann.Smith@Example.org' }, ip: '192.0.2.1' });
    expect(accountTracker({ body: { email: ' ann.smith@example.org ' }, ip: '198.51.100.7' })).toBe(tracker);
    expect(tracker).toMatch(/^account:[0-9a-f]{64}$/);
    expect(tracker).not.toContain('example');
    expect(accountTracker({ body: { email: 'bob@example.org' }, ip: '192.0.2.1' })).not.toBe(tracker);
  });

  it.each([[undefined], [{}], [{ email: '' }], [{ email: 42 }], [null]])('falls back to the address for the body %j', (body) => {
    expect(accountTracker({ body, ip: '192.0.2.1' })).toBe('address:192.0.2.1');
  });
});
