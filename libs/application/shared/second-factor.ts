import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import * as speakeasy from 'speakeasy';
import type { SecondFactorCheck } from '@warden/account/two-factor/two-factor.commands';
import type { AccountState } from '@warden/account/account.state';

const STEP_SECONDS = 30;
const RECOVERY_CODES = 10;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Recovery codes compare without case, spaces or dashes, as people type them. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, ''), 'utf8').digest('hex');
}

/**
 * TOTP (RFC 6238 through speakeasy: SHA-1, 6 digits, 30 s, ±1 step) and recovery codes.
 * It only finds out *what* a presented code is — the time step it matches, or a recovery
 * code's hash; whether it may be accepted (replay, already used) is the decider's call.
 */
@Injectable()
export class SecondFactors {
  newSecret(): string {
    return speakeasy.generateSecret({ length: 20 }).base32;
  }

  otpauthUri(secret: string, accountName: string): string {
    return speakeasy.otpauthURL({
      secret,
      encoding: 'base32',
      label: `Warden:${accountName}`,
      issuer: 'Warden',
      algorithm: 'sha1',
      digits: 6,
      period: STEP_SECONDS,
    });
  }

  /** The time step a 6-digit code matches within ±1 step of now, or null. */
  matchStep(secret: string | null, code: string, now: Date): number | null {
    if (!secret || !/^\d{6}$/.test(code)) return null;
    const time = Math.floor(now.getTime() / 1000);
    const match = speakeasy.totp.verifyDelta({ secret, encoding: 'base32', token: code, window: 1, time, step: STEP_SECONDS });
    return match ? Math.floor(time / STEP_SECONDS) + match.delta : null;
  }

  /** Ten fresh single-use codes (140 random bits each), shown once; only hashes are kept. */
  newRecoveryCodes(): { codes: string[]; hashes: string[] } {
    const codes = Array.from({ length: RECOVERY_CODES }, () => {
      const chars = [...randomBytes(28)].map((byte) => BASE32[byte % 32]).join('');
      return chars.match(/.{7}/g)!.join('-');
    });
    return { codes, hashes: codes.map(hashRecoveryCode) };
  }

  /**
   * What a flow's optional `code` is: six digits are a TOTP code, anything else a recovery
   * code. Without 2FA on the account there is nothing to check against.
   */
  check(state: AccountState, code: string | undefined, now: Date): SecondFactorCheck {
    if (code === undefined) return { kind: 'not_given' };
    if (/^\d{6}$/.test(code)) return { kind: 'totp', step: this.matchStep(state.totpSecret, code, now) };
    return { kind: 'recovery_code', codeHash: hashRecoveryCode(code) };
  }
}
