import type { AccountEvent } from '../account.events';
import type { SecondFactorFailed, SecondFactorVerified } from './two-factor.events';
import type { SecondFactorCheck } from './two-factor.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { sameDigest } from '../secret-compare';

export type Judgement =
  | { accepted: true; events: AccountEvent[] }
  | { accepted: false; reason: SecondFactorFailed['data']['reason'] | 'missing' };

/**
 * Judges a presented second factor. A TOTP code is accepted once: its time step must be
 * later than every step accepted before (which also refuses the neighbouring steps of a
 * code just used). A recovery code must be one of the unused ones, and is then spent.
 */
export function judgeSecondFactor(state: AccountState, check: SecondFactorCheck, purpose: SecondFactorVerified['data']['purpose']): Judgement {
  switch (check.kind) {
    case 'not_given':
      return { accepted: false, reason: 'missing' };
    case 'totp':
      if (check.step === null) return { accepted: false, reason: 'wrong_code' };
      if (check.step <= state.lastTotpStep) return { accepted: false, reason: 'replayed_code' };
      return { accepted: true, events: [{ type: 'SecondFactorVerified', data: { purpose, proof: { method: 'totp', step: check.step } } }] };
    case 'recovery_code': {
      let match: string | undefined;
      for (const hash of state.recoveryCodes) if (sameDigest(hash, check.codeHash)) match = hash;
      if (!match) {
        const reused = state.usedRecoveryCodes.some((hash) => sameDigest(hash, check.codeHash));
        return { accepted: false, reason: reused ? 'used_recovery_code' : 'wrong_code' };
      }
      return {
        accepted: true,
        events: [
          { type: 'RecoveryCodeUsed', data: { codeHash: match } },
          { type: 'SecondFactorVerified', data: { purpose, proof: { method: 'recovery_code', codeHash: match } } },
        ],
      };
    }
    default: {
      const unhandled: never = check;
      return unhandled;
    }
  }
}

/**
 * For flows that prove ownership (reset, ownership link, 2FA changes): with 2FA on, a
 * valid code is required and its use recorded; without 2FA, a code is neither needed nor
 * looked at.
 */
export function requireSecondFactor(state: AccountState, check: SecondFactorCheck, purpose: SecondFactorVerified['data']['purpose']): AccountEvent[] {
  if (!state.totpEnabled) return [];
  const judgement = judgeSecondFactor(state, check, purpose);
  if (judgement.accepted) return judgement.events;
  throw judgement.reason === 'missing' ? AccountErrors.codeRequired() : AccountErrors.invalidCode();
}
