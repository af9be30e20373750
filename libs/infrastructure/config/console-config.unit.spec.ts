import { loadConsoleConfig } from './console-config';

describe('console settings', () => {
  it('signs in with API keys by default, with a 30 min idle and 12 h absolute session', () => {
    expect(loadConsoleConfig({})).toEqual({ signIn: 'api-key', idleSeconds: 1800, absoluteSeconds: 43200 });
    expect(loadConsoleConfig({ CONSOLE_SIGN_IN: 'off' })).toEqual({ signIn: 'off' });
  });

  it('reads the proxy headers (lower-cased), the group mapping and the key per scope', () => {
    const config = loadConsoleConfig({
      CONSOLE_SIGN_IN: 'proxy',
      CONSOLE_PROXY_IDENTITY_HEADER: 'X-Auth-Request-Email',
      CONSOLE_PROXY_SCOPES: 'support-team=support, leads=support+compliance,auditors=compliance',
      CONSOLE_PROXY_API_KEYS: 'support=desk',
    });
    if (config.signIn !== 'proxy') throw new Error('expected proxy');
    expect(config.proxy.identityHeader).toBe('x-auth-request-email');
    expect(config.proxy.groupsHeader).toBe('x-forwarded-groups');
    expect([...config.proxy.scopes]).toEqual([
      ['support-team', ['support']],
      ['leads', ['support', 'compliance']],
      ['auditors', ['compliance']],
    ]);
    expect([...config.proxy.apiKeyNames]).toEqual([['support', 'desk']]);
  });

  it.each([
    [{ CONSOLE_SIGN_IN: 'sso' }, /CONSOLE_SIGN_IN must be/],
    [{ CONSOLE_SIGN_IN: 'proxy' }, /CONSOLE_PROXY_SCOPES is required/],
    [{ CONSOLE_SIGN_IN: 'proxy', CONSOLE_PROXY_SCOPES: 'team=auth' }, /"team=auth" is not group=scope/],
    [{ CONSOLE_SIGN_IN: 'proxy', CONSOLE_PROXY_SCOPES: 'team' }, /"team" is not group=scope/],
    [{ CONSOLE_SIGN_IN: 'proxy', CONSOLE_PROXY_SCOPES: 'a=support', CONSOLE_PROXY_IDENTITY_HEADER: 'X User' }, /CONSOLE_PROXY_IDENTITY_HEADER must be a header name/],
    [{ CONSOLE_SIGN_IN: 'proxy', CONSOLE_PROXY_SCOPES: 'a=support', CONSOLE_PROXY_API_KEYS: 'auth=x' }, /CONSOLE_PROXY_API_KEYS/],
    [{ CONSOLE_SESSION_IDLE_SECONDS: '10' }, /CONSOLE_SESSION_IDLE_SECONDS must be an integer ≥ 60/],
  ])('refuses %j at start-up', (env, message) => {
    expect(() => loadConsoleConfig(env)).toThrow(message);
  });
});
