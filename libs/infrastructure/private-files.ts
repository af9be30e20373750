import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The data directory holds events, read models (emails, names, IPs), data keys, the master
 * key, the API keys and mail: owner-only, whatever the umask. Every adapter that creates a
 * file or folder there goes through these two helpers.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and its parents) 0700, and narrows an existing one to 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  narrow(dir, PRIVATE_DIR_MODE);
}

/**
 * Makes sure a SQLite database file exists with mode 0600 before SQLite opens it: SQLite
 * gives its `-wal`/`-shm`/`-journal` files the mode of the database file, so those follow.
 * Files left wider by an older release are narrowed too.
 */
export function preparePrivateDatabaseFile(file: string): void {
  if (file === ':memory:' || file.startsWith('file:')) return;
  ensurePrivateDir(dirname(file));
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(path)) narrow(path, PRIVATE_FILE_MODE);
  }
}

/** chmod, tolerating a path this process does not own (a shared folder the operator chose). */
function narrow(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}
