import { ApiKeyRegistry } from './api-key-registry';
import { parseApiKeys } from './api-keys';

describe('ApiKeyRegistry', () => {
  const registry = new ApiKeyRegistry(
    parseApiKeys('frontend:auth:front-secret-0001,desk:support+compliance:desk-secret-0002,audit:compliance:audit-secret-3'),
  );

  it('names the key and its scopes, whichever position the key has', () => {
    expect(registry.authenticate('front-secret-0001')).toEqual({ name: 'frontend', scopes: ['auth'] });
    expect(registry.authenticate('desk-secret-0002')).toEqual({ name: 'desk', scopes: ['support', 'compliance'] });
    expect(registry.authenticate('audit-secret-3')).toEqual({ name: 'audit', scopes: ['compliance'] });
  });

  it.each([
    ['a wrong secret', 'front-secret-0002'],
    ['a prefix of a secret', 'front-secret'],
    ['a secret with more after it', 'front-secret-0001x'],
    ['an empty secret', ''],
    ['no secret', undefined],
    ['a very long secret', 'x'.repeat(10_000)],
    ['a non-ASCII secret', 'frönt-secret-0001'],
  ])('refuses %s', (_case, secret) => {
    // Lengths differ freely: both sides are hashed before timingSafeEqual, which would throw otherwise.
    expect(registry.authenticate(secret)).toBeNull();
  });

  it('keeps only hashes of the secrets', () => {
    const dump = JSON.stringify(registry) + JSON.stringify(registry.describe());
    expect(dump).not.toContain('front-secret-0001');
    expect(registry.describe().map((identity) => identity.name)).toEqual(['frontend', 'desk', 'audit']);
  });

  it('hands out identities that cannot be altered', () => {
    const identity = registry.authenticate('front-secret-0001');
    expect(Object.isFrozen(identity)).toBe(true);
    expect(Object.isFrozen(identity?.scopes)).toBe(true);
  });

  it('authenticates nobody when it holds no key', () => {
    expect(new ApiKeyRegistry([]).authenticate('anything')).toBeNull();
  });
});
