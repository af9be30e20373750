import { upcast } from './account.upcasters';

describe('upcast', () => {
  it('brings an AccountRegistered v0 (no username, no origin) up to the current version', () => {
    expect(upcast('AccountRegistered', 0, { accountId: 'a', email: 'e', displayName: 'd', passwordHash: 'h' })).toEqual({
      schemaVersion: 2,
      data: { accountId: 'a', email: 'e', displayName: 'd', passwordHash: 'h', username: null, origin: null },
    });
  });

  it('reads v1 password events, whose hash was stored in clear, as v2 (the codec decides how the hash reads)', () => {
    for (const type of ['AccountRegistered', 'PasswordChanged', 'PasswordResetCompleted']) {
      expect(upcast(type, 1, { passwordHash: '$2b$04$clear' })).toEqual({ schemaVersion: 2, data: { passwordHash: '$2b$04$clear' } });
    }
  });

  it('leaves current versions and foreign types untouched', () => {
    expect(upcast('EmailVerified', 1, { email: 'e' })).toEqual({ schemaVersion: 1, data: { email: 'e' } });
    expect(upcast('EmailReserved', 1, { accountId: 'a' })).toEqual({ schemaVersion: 1, data: { accountId: 'a' } });
  });

  it('refuses a version it cannot upgrade rather than guess', () => {
    expect(() => upcast('EmailVerified', 0, {})).toThrow('no upcaster for EmailVerified v0');
  });
});
