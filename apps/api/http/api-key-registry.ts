import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKey } from './api-keys';
import type { ApiScope } from './api-scope';

/** Who called: the key's name (recorded as `caller`) and what it may do. */
export interface ApiKeyIdentity {
  readonly name: string;
  readonly scopes: readonly ApiScope[];
}

/**
 * Looks a presented secret up in constant time. Both sides are hashed first, so the
 * compared buffers always have the same length (timingSafeEqual needs it) and the
 * secret's length leaks nothing; every key is compared, so the time does not tell
 * which one matched either. Only the hashes are kept.
 */
export class ApiKeyRegistry {
  private readonly entries: readonly { identity: ApiKeyIdentity; digest: Buffer }[];

  constructor(keys: readonly ApiKey[]) {
    this.entries = keys.map((key) => ({
      identity: Object.freeze({ name: key.name, scopes: Object.freeze([...key.scopes]) }),
      digest: sha256(key.secret),
    }));
  }

  authenticate(secret: string | undefined): ApiKeyIdentity | null {
    if (!secret) return null;
    const presented = sha256(secret);
    let found: ApiKeyIdentity | null = null;
    for (const entry of this.entries) {
      // No early exit: the loop always runs over every key.
      if (timingSafeEqual(presented, entry.digest) && found === null) found = entry.identity;
    }
    return found;
  }

  /** Key names and scopes, for a startup log line; never the secrets. */
  describe(): readonly ApiKeyIdentity[] {
    return this.entries.map((entry) => entry.identity);
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
