import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensurePrivateDir } from '@warden/infrastructure/private-files';
import { API_SCOPES, ApiScope, isApiScope } from './api-scope';

/** One configured caller: `name:scope+scope:secret` (contract §1, WARDEN_API_KEYS). */
export interface ApiKey {
  readonly name: string;
  readonly scopes: readonly ApiScope[];
  readonly secret: string;
}

export type LoadedApiKeys =
  | { readonly source: 'env'; readonly keys: readonly ApiKey[]; readonly warnings: readonly string[] }
  | {
      readonly source: 'file';
      readonly keys: readonly ApiKey[];
      /** Where the keys live; the caller prints it so an operator can find them. */
      readonly file: string;
      /** True when this start generated the file. */
      readonly created: boolean;
      readonly warnings: readonly string[];
    };

/** A startup refusal. Its message names the entry, never the secret. */
export class ApiKeyConfigError extends Error {
  override readonly name = 'ApiKeyConfigError';
}

export const API_KEYS_FILE = 'api-keys.txt';
/** Below this a configured secret still works, but startup warns (generated ones are 43). */
export const MIN_SECRET_LENGTH = 16;

const NAME = /^[A-Za-z0-9._-]{1,64}$/;
// Visible ASCII only: a secret travels in an HTTP header and is split on ',' in the variable.
const SECRET = /^[\x21-\x7E]+$/;
const FORMAT = 'expected name:scope+scope:secret with scopes auth, support or compliance';

/**
 * Reads WARDEN_API_KEYS when set; otherwise generates one key per scope into
 * `<dataDir>/api-keys.txt` (mode 600) on first start and reuses that file afterwards.
 */
export function loadApiKeys(env: string | undefined, dataDir: string): LoadedApiKeys {
  if (env !== undefined && env.trim() !== '') {
    const keys = parseApiKeys(env);
    return { source: 'env', keys, warnings: weakSecretWarnings(keys) };
  }
  const file = path.resolve(dataDir, API_KEYS_FILE);
  const generated = fs.existsSync(file) ? null : createKeysFile(file);
  if (generated) return { source: 'file', keys: generated, file, created: true, warnings: [] };
  const keys = readKeysFile(file);
  return { source: 'file', keys, file, created: false, warnings: [...permissionWarnings(file), ...weakSecretWarnings(keys)] };
}

/** Parses the WARDEN_API_KEYS syntax; throws ApiKeyConfigError on the first bad entry. */
export function parseApiKeys(raw: string): ApiKey[] {
  const entries = raw
    .split(',')
    .map((text, index) => ({ text: text.trim(), label: `WARDEN_API_KEYS entry ${index + 1}` }))
    // A trailing or doubled comma is a typo, not a key.
    .filter((entry) => entry.text !== '');
  if (entries.length === 0) throw new ApiKeyConfigError('WARDEN_API_KEYS is set but holds no key');
  return parseEntries(entries);
}

function readKeysFile(file: string): ApiKey[] {
  const entries = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((text, index) => ({ text: text.trim(), label: `${file} line ${index + 1}` }))
    .filter((entry) => entry.text !== '' && !entry.text.startsWith('#'));
  if (entries.length === 0) throw new ApiKeyConfigError(`${file} holds no key; delete it to generate new ones`);
  return parseEntries(entries);
}

function parseEntries(entries: readonly { text: string; label: string }[]): ApiKey[] {
  const keys: ApiKey[] = [];
  const labels = new Map<ApiKey, string>();
  for (const { text, label } of entries) {
    const key = parseEntry(text, label);
    const who = `${label} ("${key.name}")`;
    // Names key idempotency records and audit entries, so two callers must never share one.
    if (keys.some((other) => other.name === key.name)) throw new ApiKeyConfigError(`${who}: duplicate name`);
    const twin = keys.find((other) => other.secret === key.secret);
    if (twin) throw new ApiKeyConfigError(`${who}: same secret as ${labels.get(twin)} ("${twin.name}")`);
    keys.push(key);
    labels.set(key, label);
  }
  return keys;
}

function parseEntry(text: string, label: string): ApiKey {
  const first = text.indexOf(':');
  const second = first < 0 ? -1 : text.indexOf(':', first + 1);
  // Nothing of a malformed entry is echoed: any part of it may be the secret.
  if (second < 0) throw new ApiKeyConfigError(`${label}: ${FORMAT}`);
  const name = text.slice(0, first).trim();
  if (!NAME.test(name)) throw new ApiKeyConfigError(`${label}: the name must be 1-64 of A-Z a-z 0-9 . _ -; ${FORMAT}`);
  const who = `${label} ("${name}")`;
  const scopeTexts = text.slice(first + 1, second).split('+').map((scope) => scope.trim());
  if (!scopeTexts.every(isApiScope)) throw new ApiKeyConfigError(`${who}: unknown or empty scope; ${FORMAT}`);
  const secret = text.slice(second + 1).trim();
  if (secret === '') throw new ApiKeyConfigError(`${who}: empty secret`);
  if (!SECRET.test(secret)) throw new ApiKeyConfigError(`${who}: the secret must be printable ASCII without spaces`);
  return { name, scopes: [...new Set(scopeTexts)], secret };
}

/** Writes a fresh key file; null when another process created it first. */
function createKeysFile(file: string): ApiKey[] | null {
  const keys: ApiKey[] = API_SCOPES.map((scope) => ({
    name: scope,
    scopes: [scope],
    secret: randomBytes(32).toString('base64url'), // 256 bits
  }));
  const content = [
    `# Warden API keys, generated ${new Date().toISOString()}. Keep this file secret.`,
    '# One key a line, in the WARDEN_API_KEYS syntax: name:scope+scope:secret.',
    '# Setting WARDEN_API_KEYS replaces this file; deleting it generates new keys at the next start.',
    ...keys.map((key) => `${key.name}:${key.scopes.join('+')}:${key.secret}`),
    '',
  ].join('\n');
  ensurePrivateDir(path.dirname(file));
  // Written aside and linked into place, so replicas starting together on one data dir
  // never read a half-written file and exactly one set of keys wins.
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(temp, content, { mode: 0o600, flag: 'wx' });
  try {
    fs.chmodSync(temp, 0o600); // the umask may only remove bits, but be explicit
    fs.linkSync(temp, file);
    return keys;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return null;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(errorCode(error) ?? '')) throw error;
    // File systems without hard links: exclusive create still lets only one start win.
    try {
      fs.writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
      return keys;
    } catch (fallbackError) {
      if (errorCode(fallbackError) === 'EEXIST') return null;
      throw fallbackError;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function permissionWarnings(file: string): string[] {
  if (process.platform === 'win32') return [];
  const mode = fs.statSync(file).mode & 0o777;
  return mode & 0o077
    ? [`${file} is readable by other users (mode ${mode.toString(8)}); run chmod 600 on it`]
    : [];
}

function weakSecretWarnings(keys: readonly ApiKey[]): string[] {
  return keys
    .filter((key) => key.secret.length < MIN_SECRET_LENGTH)
    .map((key) => `API key "${key.name}" has a short secret (under ${MIN_SECRET_LENGTH} characters)`);
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
