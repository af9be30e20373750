import { initialState, type AccountState } from '@warden/account/account.state';
import { hashToken } from '@warden/infrastructure/crypto/tokens';
import { accountOfSecret, findCredential, mintCredentialSecret } from './credential-secret';

const ACCOUNT_ID = '6f1c2a8e-4b7d-4e0a-9c3f-2d5b8a1e7f40';

describe('credential secrets', () => {
  it('are wdn_<visible id>_<token>, with a prefix and the SHA-256 of the whole secret', () => {
    const { secret, prefix, secretHash } = mintCredentialSecret(ACCOUNT_ID);
    expect(secret).toMatch(/^wdn_[0-9a-f]{8}_[A-Za-z0-9_-]{64}$/);
    expect(prefix).toBe(secret.slice(0, 12));
    expect(secretHash).toBe(hashToken(secret));
    expect(mintCredentialSecret(ACCOUNT_ID).secret).not.toBe(secret);
  });

  it('name their account, so introspection finds the stream without an index', () => {
    expect(accountOfSecret(mintCredentialSecret(ACCOUNT_ID).secret)).toBe(ACCOUNT_ID);
  });

  it.each([
    ['empty', ''],
    ['no scheme', 'abc'],
    ['another scheme', `xyz_01234567_${'A'.repeat(64)}`],
    ['a short token', `wdn_01234567_${'A'.repeat(63)}`],
    ['a long token', `wdn_01234567_${'A'.repeat(65)}`],
    ['an upper-case visible id', `wdn_0123456A_${'A'.repeat(64)}`],
    ['a bare session-style token', 'A'.repeat(64)],
  ])('name no account when malformed: %s', (_name, secret) => {
    expect(accountOfSecret(secret)).toBeNull();
  });

  it('open only the credential whose hash they match', () => {
    const a = mintCredentialSecret(ACCOUNT_ID);
    const b = mintCredentialSecret(ACCOUNT_ID);
    const state: AccountState = {
      ...initialState(),
      credentials: {
        c1: { credentialId: 'c1', label: 'a', prefix: a.prefix, secretHash: a.secretHash, lastUsedAt: null },
        c2: { credentialId: 'c2', label: 'b', prefix: b.prefix, secretHash: b.secretHash, lastUsedAt: null },
      },
    };
    expect(findCredential(state, a.secret)?.credentialId).toBe('c1');
    expect(findCredential(state, b.secret)?.credentialId).toBe('c2');
    expect(findCredential(state, mintCredentialSecret(ACCOUNT_ID).secret)).toBeNull();
    expect(findCredential(state, `${a.secret.slice(0, -1)}${a.secret.endsWith('x') ? 'y' : 'x'}`)).toBeNull();
  });
});
