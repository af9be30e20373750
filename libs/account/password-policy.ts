import { DomainError } from '@warden/shared/errors';

export type PasswordRule = 'length' | 'max_bytes' | 'uppercase' | 'lowercase' | 'digit' | 'not_identity' | 'not_common';

export interface PasswordPolicyOptions {
  /** Upper/lower/digit: the product's published rule, a setting (NIST/OWASP advise against it). */
  compositionRule: boolean;
  isCommon: (password: string) => boolean;
}

export interface PasswordOwner {
  email: string;
  username?: string | null;
}

const BCRYPT_MAX_BYTES = 72;

/** Rules the (already NFC-normalised) password breaks; empty when it is acceptable. */
export function failedPasswordRules(password: string, owner: PasswordOwner, options: PasswordPolicyOptions): PasswordRule[] {
  const failed: PasswordRule[] = [];
  const length = [...password].length;
  if (length < 8 || length > 128) failed.push('length');
  // bcrypt ignores what lies past 72 bytes: refuse rather than silently truncate.
  if (Buffer.byteLength(password, 'utf8') > BCRYPT_MAX_BYTES) failed.push('max_bytes');
  if (options.compositionRule) {
    if (!/\p{Lu}/u.test(password)) failed.push('uppercase');
    if (!/\p{Ll}/u.test(password)) failed.push('lowercase');
    if (!/\p{Nd}/u.test(password)) failed.push('digit');
  }
  const lowered = password.toLowerCase();
  const identities = [owner.email, owner.email.split('@')[0], owner.username ?? ''].map((v) => v.toLowerCase());
  if (identities.some((identity) => identity.length > 0 && identity === lowered)) failed.push('not_identity');
  if (options.isCommon(password)) failed.push('not_common');
  return failed;
}

export function assertStrongPassword(password: string, owner: PasswordOwner, options: PasswordPolicyOptions): void {
  const failed = failedPasswordRules(password, owner, options);
  if (failed.length > 0) {
    throw new DomainError(
      'weak_password',
      400,
      'The password does not meet the password policy.',
      failed.map((rule) => ({ rule })),
    );
  }
}
