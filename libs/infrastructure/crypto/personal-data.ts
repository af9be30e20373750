import { open, seal } from './aead';

/** What a personal field reads once its account's data key has been destroyed. */
export const ERASED = '[erased]';
const PREFIX = 'enc:v1:';

/** Encrypts any JSON value (a string, or an object such as an origin) as one opaque string. */
export function encryptValue(key: Buffer, accountId: string, value: unknown): string {
  return PREFIX + seal(key, Buffer.from(JSON.stringify(value), 'utf8'), accountId).toString('base64');
}

export function isEncrypted(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** `key` null means the key is destroyed: the value is gone for good. */
export function decryptValue(key: Buffer | null, accountId: string, value: string): unknown {
  if (!key) return ERASED;
  return JSON.parse(open(key, Buffer.from(value.slice(PREFIX.length), 'base64'), accountId).toString('utf8'));
}

/** Encrypts the named fields of a record (null and absent ones stay as they are). */
export function encryptFields<T extends Record<string, unknown>>(
  key: Buffer,
  accountId: string,
  record: T,
  fields: readonly string[],
): T {
  const out: Record<string, unknown> = { ...record };
  for (const field of fields) {
    if (out[field] !== null && out[field] !== undefined) out[field] = encryptValue(key, accountId, out[field]);
  }
  return out as T;
}

/**
 * Decrypts the named fields. A field stored in clear (written before it was counted as
 * personal, e.g. a v1 password hash) reads as it is, unless `erased` (the key was destroyed):
 * after erasure no personal field of the account is readable, however old.
 */
export function decryptFields<T extends Record<string, unknown>>(
  key: Buffer | null,
  accountId: string,
  record: T,
  fields: readonly string[],
  erased = false,
): T {
  const out: Record<string, unknown> = { ...record };
  for (const field of fields) {
    const value = out[field];
    if (isEncrypted(value)) out[field] = decryptValue(key, accountId, value);
    else if (erased && value !== null && value !== undefined) out[field] = ERASED;
  }
  return out as T;
}

/** True when the named fields hold nothing personal: absent, null or already "[erased]". */
export function holdsNoPersonalData(record: Record<string, unknown>, fields: readonly string[]): boolean {
  return fields.every((field) => record[field] === null || record[field] === undefined || record[field] === ERASED);
}
