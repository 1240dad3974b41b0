import { DomainError } from '@app/domain';
import { assertWebhookUrl } from './notifications.service';

/** The problem a URL is refused for, or null when it is taken. */
function problemWith(url: string, allowPrivateNetworks = false): string | null {
  try {
    assertWebhookUrl(url, allowPrivateNetworks);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.details?.[0]?.problem ?? null;
  }
}

describe('webhook URLs', () => {
  it('takes an https URL of a public host', () => {
    expect(problemWith('https://alerts.example.com/hook')).toBeNull();
  });

  it('refuses plain http and private, loopback or metadata addresses', () => {
    expect(problemWith('http://alerts.example.com/hook')).toBe('must be an https URL');
    expect(problemWith('https://127.0.0.1/hook')).toBe('must be a public address');
    expect(problemWith('https://10.1.2.3/hook')).toBe('must be a public address');
    expect(problemWith('https://169.254.169.254/latest')).toBe('must be a public address');
  });

  it('takes any of them where the deployment allows private networks', () => {
    expect(problemWith('http://127.0.0.1:8080/hook', true)).toBeNull();
  });
});
