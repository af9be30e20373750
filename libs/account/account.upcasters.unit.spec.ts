import { upcast } from './account.upcasters';

describe('upcast', () => {
  it('brings an AccountRegistered v0 (no username, no origin) up to the current version', () => {
    expect(upcast('AccountRegistered', 0, { accountId: 'a', email: 'e', displayName: 'd', passwordHash: 'h' })).toEqual({
      schemaVersion: 1,
      data: { accountId: 'a', email: 'e', displayName: 'd', passwordHash: 'h', username: null, origin: null },
    });
  });

  it('leaves current versions and foreign types untouched', () => {
    expect(upcast('EmailVerified', 1, { email: 'e' })).toEqual({ schemaVersion: 1, data: { email: 'e' } });
    expect(upcast('EmailReserved', 1, { accountId: 'a' })).toEqual({ schemaVersion: 1, data: { accountId: 'a' } });
  });

  it('refuses a version it cannot upgrade rather than guess', () => {
    expect(() => upcast('EmailVerified', 0, {})).toThrow('no upcaster for EmailVerified v0');
  });
});
