import type { ApiKey } from '../../api/http/api-keys';
import { ApiKeyRegistry } from '../../api/http/api-key-registry';
import type { ConsoleConfig, ConsoleScope } from '@warden/infrastructure/config/console-config';

const STAFF_SCOPES: readonly ConsoleScope[] = ['support', 'compliance'];

/**
 * The API keys this process was started with (WARDEN_API_KEYS or the generated file), as
 * the console needs them: a presented secret checked in constant time at sign-in, and a
 * key's secret found again by its name when the console calls the API. Sessions store the
 * name only, so no secret is ever written to the session store; every API replica holds
 * the same keys, so any replica can serve any session.
 */
export class StaffKeys {
  private readonly registry: ApiKeyRegistry;
  private readonly byName: ReadonlyMap<string, ApiKey>;

  constructor(private readonly keys: readonly ApiKey[]) {
    this.registry = new ApiKeyRegistry(keys);
    this.byName = new Map(keys.map((key) => [key.name, key]));
  }

  /** The key's name and its staff scopes; null for an unknown key or one without a staff scope. */
  authenticate(secret: string): { keyName: string; scopes: ConsoleScope[] } | null {
    const identity = this.registry.authenticate(secret);
    if (!identity) return null;
    const scopes = STAFF_SCOPES.filter((scope) => identity.scopes.includes(scope));
    return scopes.length > 0 ? { keyName: identity.name, scopes } : null;
  }

  /** The secret of a key that still holds this scope; undefined once it is gone or changed. */
  secretOf(keyName: string, scope: ConsoleScope): string | undefined {
    const key = this.byName.get(keyName);
    return key?.scopes.includes(scope) ? key.secret : undefined;
  }

  /** Proxy mode: the named key, or the first one holding the scope. */
  keyFor(scope: ConsoleScope, preferredName?: string): string | undefined {
    if (preferredName) return this.byName.get(preferredName)?.scopes.includes(scope) ? preferredName : undefined;
    return this.keys.find((key) => key.scopes.includes(scope))?.name;
  }
}

/** At start-up: behind a proxy, every scope the mapping grants needs an API key to call the API with. */
export function checkProxyKeys(config: ConsoleConfig, keys: StaffKeys): void {
  if (config.signIn !== 'proxy') return;
  const { scopes, apiKeyNames } = config.proxy;
  for (const scope of new Set([...scopes.values()].flat())) {
    const name = apiKeyNames.get(scope);
    if (!keys.keyFor(scope, name)) {
      throw new Error(name ? `CONSOLE_PROXY_API_KEYS: no API key named "${name}" holds the ${scope} scope` : `CONSOLE_PROXY_SCOPES grants ${scope}, but no API key holds that scope`);
    }
  }
}
