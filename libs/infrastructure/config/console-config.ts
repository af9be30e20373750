/** The staff scopes the console signs people in to (contract §2). */
export type ConsoleScope = 'support' | 'compliance';

/**
 * `/console` (contract §3.5). Staff sign in with a staff id and an API key, or an
 * authenticating proxy in front of Warden names them in a trusted header.
 */
export type ConsoleConfig =
  | { signIn: 'off' }
  | ({ signIn: 'api-key' } & ConsoleSessionConfig)
  | ({ signIn: 'proxy'; proxy: ConsoleProxyConfig } & ConsoleSessionConfig);

export interface ConsoleSessionConfig {
  /** A console session ends after this long without a request. */
  idleSeconds: number;
  /** …and after this long in any case. */
  absoluteSeconds: number;
}

export interface ConsoleProxyConfig {
  /** Lower-case header name carrying the staff id, set by the proxy. */
  identityHeader: string;
  /** Lower-case header name carrying the staff member's groups (comma separated). */
  groupsHeader: string;
  /** Group → scopes it grants. */
  scopes: ReadonlyMap<string, readonly ConsoleScope[]>;
  /** Scope → name of the API key (WARDEN_API_KEYS) the console calls the API with; absent: the first key holding the scope. */
  apiKeyNames: ReadonlyMap<ConsoleScope, string>;
}

type Env = Record<string, string | undefined>;

const SCOPES: readonly ConsoleScope[] = ['support', 'compliance'];
const HEADER = /^[A-Za-z0-9-]{1,64}$/;

function seconds(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 60) throw new Error(`${name} must be an integer ≥ 60, got "${raw}"`);
  return value;
}

function header(env: Env, name: string, fallback: string): string {
  const value = env[name] || fallback;
  if (!HEADER.test(value)) throw new Error(`${name} must be a header name (letters, digits, dashes), got "${value}"`);
  return value.toLowerCase();
}

function isScope(value: string): value is ConsoleScope {
  return (SCOPES as readonly string[]).includes(value);
}

/** `group=scope+scope,group=scope`, e.g. `support-team=support,auditors=compliance`. */
export function parseProxyScopes(raw: string | undefined): Map<string, ConsoleScope[]> {
  const name = 'CONSOLE_PROXY_SCOPES';
  if (!raw || raw.trim() === '') throw new Error(`${name} is required when CONSOLE_SIGN_IN=proxy (e.g. support-team=support,auditors=compliance)`);
  const mapping = new Map<string, ConsoleScope[]>();
  for (const entry of raw.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const [group, scopes, extra] = entry.split('=').map((part) => part.trim());
    const list = (scopes ?? '').split('+').map((s) => s.trim());
    if (!group || extra !== undefined || !list.every(isScope)) {
      throw new Error(`${name}: "${entry}" is not group=scope[+scope] with scopes support or compliance`);
    }
    mapping.set(group, [...new Set([...(mapping.get(group) ?? []), ...(list as ConsoleScope[])])]);
  }
  return mapping;
}

/** `scope=keyName,…`, e.g. `support=desk,compliance=review`. */
function parseApiKeyNames(raw: string | undefined): Map<ConsoleScope, string> {
  const names = new Map<ConsoleScope, string>();
  for (const entry of (raw ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const [scope, keyName, extra] = entry.split('=').map((part) => part.trim());
    if (!isScope(scope) || !keyName || extra !== undefined) {
      throw new Error(`CONSOLE_PROXY_API_KEYS: "${entry}" is not scope=keyName with scope support or compliance`);
    }
    names.set(scope, keyName);
  }
  return names;
}

export function loadConsoleConfig(env: Env): ConsoleConfig {
  const signIn = env.CONSOLE_SIGN_IN || 'api-key';
  if (signIn === 'off') return { signIn };
  const session = {
    idleSeconds: seconds(env, 'CONSOLE_SESSION_IDLE_SECONDS', 30 * 60),
    absoluteSeconds: seconds(env, 'CONSOLE_SESSION_ABSOLUTE_SECONDS', 12 * 3600),
  };
  if (signIn === 'api-key') return { signIn, ...session };
  if (signIn !== 'proxy') throw new Error(`CONSOLE_SIGN_IN must be api-key, proxy or off, got "${signIn}"`);
  return {
    signIn,
    ...session,
    proxy: {
      identityHeader: header(env, 'CONSOLE_PROXY_IDENTITY_HEADER', 'X-Forwarded-Email'),
      groupsHeader: header(env, 'CONSOLE_PROXY_GROUPS_HEADER', 'X-Forwarded-Groups'),
      scopes: parseProxyScopes(env.CONSOLE_PROXY_SCOPES),
      apiKeyNames: parseApiKeyNames(env.CONSOLE_PROXY_API_KEYS),
    },
  };
}
