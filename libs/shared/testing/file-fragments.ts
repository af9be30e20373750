import { readFileSync } from 'node:fs';

/**
 * For "nothing of it is left on disk" checks after a secure delete: how many of the
 * secret's 16-byte slices still appear in the files (a shorter row written over the old
 * one may leave only its tail). A missing file (no WAL) holds nothing.
 */
export function fragmentsOnDisk(paths: string[], secret: Buffer): number {
  const bytes = Buffer.concat(paths.map(readOrEmpty));
  let found = 0;
  for (let offset = 0; offset + 16 <= secret.length; offset += 16) {
    if (bytes.includes(secret.subarray(offset, offset + 16))) found++;
  }
  return found;
}

function readOrEmpty(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    return Buffer.alloc(0);
  }
}
