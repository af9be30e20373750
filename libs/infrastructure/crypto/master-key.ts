import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ensurePrivateDir } from '../private-files';
import { dirname, join } from 'node:path';

/**
 * The master key wraps every account's data key and derives the service's MAC keys.
 * From WARDEN_MASTER_KEY (base64, 32 bytes) or generated once into the data directory.
 */
export function loadMasterKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return decodeKey(configured, 'WARDEN_MASTER_KEY');
  const file = join(dataDir, 'master.key');
  if (existsSync(file)) return decodeKey(readFileSync(file, 'utf8').trim(), file);
  ensurePrivateDir(dirname(file));
  const key = randomBytes(32);
  // 'wx' refuses to overwrite a key another process wrote in the meantime.
  try {
    writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    return decodeKey(readFileSync(file, 'utf8').trim(), file);
  }
}

function decodeKey(base64: string, source: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${source} must hold a base64-encoded 32-byte key`);
  return key;
}

/** Independent sub-keys per purpose, so one key never serves two uses. */
export function deriveKey(master: Buffer, purpose: 'token-mac' | 'lookup' | 'key-wrap' | 'idempotency' | 'csrf'): Buffer {
  return createHmac('sha256', master).update(`warden:${purpose}`).digest();
}
