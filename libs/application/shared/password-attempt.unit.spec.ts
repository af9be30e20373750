import { PasswordAttempt } from './password-attempt';

describe('PasswordAttempt', () => {
  const counting = () => {
    const calls = { verify: [] as Array<string | null>, hash: 0 };
    const bcrypt = {
      verify: async (_password: string, stored: string | null) => (calls.verify.push(stored), stored === '$2b$right'),
      hash: async () => `hashed-${++calls.hash}`,
    };
    return { calls, attempt: new PasswordAttempt(bcrypt, 'pw') };
  };

  it('compares once per stored hash, however often it is asked', async () => {
    const { calls, attempt } = counting();
    expect(await Promise.all([attempt.matches({ passwordHash: '$2b$right' }), attempt.matches({ passwordHash: '$2b$right' })])).toEqual([true, true]);
    expect(await attempt.matches({ passwordHash: '$2b$other' })).toBe(false);
    expect(await attempt.matches({ passwordHash: '$2b$right' })).toBe(true);
    expect(calls.verify).toEqual(['$2b$right', '$2b$other']);
  });

  it('compares against the decoy (null) when the account has no password hash', async () => {
    const { calls, attempt } = counting();
    expect(await attempt.matches({ passwordHash: '' })).toBe(false);
    expect(calls.verify).toEqual([null]);
  });

  it('hashes a new password once, with one salt', async () => {
    const { calls, attempt } = counting();
    expect(await Promise.all([attempt.hash(), attempt.hash()])).toEqual(['hashed-1', 'hashed-1']);
    expect(calls.hash).toBe(1);
  });
});
