import { createHash } from 'node:crypto';

// Longer tokens are hashed: file names are limited to 255 bytes and ids are normally UUIDs.
const MAX_LENGTH = 128;

/**
 * Maps a message id to a string safe in a file name and in a Message-ID's local part.
 * Letters, digits and '-' are kept, so UUIDs read as themselves; every other byte becomes
 * '_' + two hex digits. Distinct ids therefore never share a token (no two events' mails
 * overwrite one another), unless hashed.
 */
export function safeToken(id: string): string {
  if (id.length === 0) throw new TypeError('message id must be a non-empty string');
  const token = Array.from(Buffer.from(id, 'utf8'), (byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9-]/.test(char) ? char : `_${byte.toString(16).padStart(2, '0')}`;
  }).join('');
  return token.length <= MAX_LENGTH ? token : `h-${createHash('sha256').update(id, 'utf8').digest('hex')}`;
}
