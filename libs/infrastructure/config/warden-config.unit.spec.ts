import { loadConfig, MIN_MAILED_LINK_TTL_SECONDS } from './warden-config';

describe('settings validated at start-up', () => {
  it.each(['EMAIL_VERIFICATION_TTL_SECONDS', 'PASSWORD_RESET_TTL_SECONDS', 'OWNERSHIP_VERIFICATION_TTL_SECONDS', 'ACCOUNT_RECOVERY_TTL_SECONDS'])(
    'refuses a %s that cannot produce a working link, naming the variable',
    (name) => {
      expect(() => loadConfig({ [name]: '20' })).toThrow(new RegExp(`^${name} must be at least ${MIN_MAILED_LINK_TTL_SECONDS} seconds`));
      expect(() => loadConfig({ [name]: 'soon' })).toThrow(name);
      expect(() => loadConfig({ [name]: String(MIN_MAILED_LINK_TTL_SECONDS) })).not.toThrow();
    },
  );

  it('refuses a second-factor challenge shorter than one TOTP step, and a throttle base above its maximum', () => {
    expect(() => loadConfig({ SECOND_FACTOR_CHALLENGE_TTL_SECONDS: '5' })).toThrow('SECOND_FACTOR_CHALLENGE_TTL_SECONDS');
    expect(() => loadConfig({ THROTTLE_BASE_SECONDS: '600', THROTTLE_MAX_SECONDS: '300' })).toThrow('THROTTLE_BASE_SECONDS');
  });

  it('starts on the defaults', () => {
    expect(loadConfig({}).emailVerification.ttlSeconds).toBe(86400);
  });
});
