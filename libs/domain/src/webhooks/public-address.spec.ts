import { isPublicAddress, isRegistrableHost } from './public-address';

describe('webhook addresses', () => {
  it.each(['8.8.8.8', '151.101.0.1', '2a00:1450:4009:81f::200e'])('lets %s through', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.5',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    'not an address',
  ])('blocks %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it('registers names and public addresses, not local ones', () => {
    expect(isRegistrableHost('hooks.provider.example')).toBe(true);
    expect(isRegistrableHost('8.8.8.8')).toBe(true);
    expect(isRegistrableHost('localhost')).toBe(false);
    expect(isRegistrableHost('metadata.google.internal')).toBe(false);
    expect(isRegistrableHost('[::1]')).toBe(false);
    expect(isRegistrableHost('169.254.169.254')).toBe(false);
  });
});
