import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';

/**
 * Tokens handed to people are `base64url(accountId bytes | 32 secret bytes)`: the account
 * part finds the stream to check against; only the SHA-256 of the whole token is stored.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function bytesToUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function accountToken(accountId: string, secret: Buffer): string {
  return Buffer.concat([uuidBytes(accountId), secret]).toString('base64url');
}

/** The account a token claims to belong to, or null for anything malformed. */
export function accountOfToken(token: string): string | null {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{64}$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  return bytes.length === 48 ? bytesToUuid(bytes.subarray(0, 16)) : null;
}

/** A random token (session tokens): returned once, never stored. */
export function newRandomToken(accountId: string): string {
  return accountToken(accountId, randomBytes(32));
}

export type MailTokenPurpose =
  | 'verify-email'
  | 'reset-password'
  | 'verify-ownership'
  | 'confirm-email-change'
  | 'recover-account';

/**
 * Tokens that travel by mail are derived with a server-side MAC key from a random tokenId
 * kept in the event: the mail worker can rebuild the link from the event alone, while the
 * store holds neither the token nor anything that yields it without the master key.
 */
export class MailTokens {
  constructor(private readonly macKey: Buffer) {}

  newTokenId(): string {
    return randomUUID();
  }

  mint(purpose: MailTokenPurpose, accountId: string, tokenId: string): string {
    const secret = createHmac('sha256', this.macKey).update(`${purpose}:${accountId}:${tokenId}`).digest();
    return accountToken(accountId, secret);
  }
}
