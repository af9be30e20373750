import { randomBytes } from 'node:crypto';
import type { AccountState } from '@warden/account/account.state';
import type { CredentialState } from '@warden/account/credentials/credentials.state';
import { sameDigest } from '@warden/account/secret-compare';
import { accountOfToken, hashToken, newRandomToken } from '@warden/infrastructure/crypto/tokens';

/**
 * An integration credential's secret: `wdn_<visible id>_<token>`.
 *
 * - `wdn_` names the kind of secret, so secret scanners (and people) recognise a leaked one.
 * - the visible id (8 hex characters, random per secret) makes the stored `prefix`
 *   (`wdn_<visible id>`) that the owner sees in the list to tell their secrets apart; it
 *   carries none of the token's entropy.
 * - the token is `newRandomToken(accountId)`: 32 random bytes behind the account id, so
 *   introspection finds the account's stream without any index.
 *
 * Only the SHA-256 of the whole secret and the prefix are kept.
 */
const SECRET = /^wdn_([0-9a-f]{8})_([A-Za-z0-9_-]{64})$/;

export interface MintedSecret {
  /** Shown once, to the caller that asked for it; never stored. */
  secret: string;
  prefix: string;
  secretHash: string;
}

export function mintCredentialSecret(accountId: string): MintedSecret {
  const prefix = `wdn_${randomBytes(4).toString('hex')}`;
  const secret = `${prefix}_${newRandomToken(accountId)}`;
  return { secret, prefix, secretHash: hashToken(secret) };
}

/** The account a presented secret claims to belong to, or null for anything malformed. */
export function accountOfSecret(secret: string): string | null {
  if (typeof secret !== 'string') return null;
  const match = SECRET.exec(secret);
  return match ? accountOfToken(match[2]) : null;
}

/**
 * The account's live credential this secret opens, if any. The presented hash is compared
 * in constant time against every credential's, so the answer time does not tell which
 * credentials exist or how much of a hash matched.
 */
export function findCredential(state: AccountState, secret: string): CredentialState | null {
  const presented = hashToken(secret);
  let found: CredentialState | null = null;
  for (const credential of Object.values(state.credentials)) {
    if (sameDigest(credential.secretHash, presented)) found = credential;
  }
  return found;
}
