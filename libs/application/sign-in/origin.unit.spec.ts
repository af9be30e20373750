import { networkOf, originOf } from './origin';

describe('origin of a request', () => {
  it('coarsens IPv4 to its /24 and IPv6 to its /48', () => {
    expect(networkOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('2001:db8:85a3::8a2e:370:7334')).toBe('2001:db8:85a3::/48');
    expect(networkOf('2001:0db8:0001:0002::1')).toBe('2001:db8:1::/48');
    expect(networkOf('::1')).toBe('0:0:0::/48');
  });

  it('names the device by its id, else by its user agent', () => {
    expect(originOf({ ip: '198.51.100.4', userAgent: 'UA', deviceId: 'dev-1' })).toEqual({ device: 'dev-1', network: '198.51.100.0/24' });
    expect(originOf({ ip: '198.51.100.4', userAgent: 'UA' })).toEqual({ device: 'UA', network: '198.51.100.0/24' });
    expect(originOf(undefined)).toBeNull();
  });
});
