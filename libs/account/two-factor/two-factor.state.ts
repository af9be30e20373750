import type { AccountState } from '../account.state';
import { KEEP_FAILURES } from '../sign-in/sign-in.state';
import type { TwoFactorEvent } from './two-factor.events';

export interface ChallengeState {
  challengeId: string;
  tokenHash: string;
  expiresAt: string;
  triesLeft: number;
}

/** The second factor: the TOTP secret, recovery codes and open login challenges. */
export interface TwoFactorState {
  totpEnabled: boolean;
  /** base32 secrets, decrypted by the codec; "[erased]" after erasure. */
  totpSecret: string | null;
  pendingTotpSecret: string | null;
  /** Highest TOTP time step ever accepted: a code of that step or an earlier one is a replay. */
  lastTotpStep: number;
  /** Hashes of the recovery codes not used yet. */
  recoveryCodes: string[];
  /** Hashes of this set's codes already used (to name a reuse as such in the audit). */
  usedRecoveryCodes: string[];
  challenges: Record<string, ChallengeState>;
  /** Second-factor failures since the last success or unlock, newest last (lock threshold). */
  secondFactorFailures: string[];
}

export const initialTwoFactorState = (): TwoFactorState => ({
  totpEnabled: false,
  totpSecret: null,
  pendingTotpSecret: null,
  lastTotpStep: -1,
  recoveryCodes: [],
  usedRecoveryCodes: [],
  challenges: {},
  secondFactorFailures: [],
});

/** The area's cases of the fold; `at` is when the event happened. */
export function evolveTwoFactor(state: AccountState, event: TwoFactorEvent, at: string): AccountState {
  switch (event.type) {
    case 'TotpEnrollmentStarted':
      return { ...state, pendingTotpSecret: event.data.secret };
    case 'TotpEnabled':
      return {
        ...state,
        totpEnabled: true,
        totpSecret: state.pendingTotpSecret,
        pendingTotpSecret: null,
        lastTotpStep: Math.max(state.lastTotpStep, event.data.step),
      };
    case 'TotpDisabled':
      return { ...state, totpEnabled: false, totpSecret: null, pendingTotpSecret: null, recoveryCodes: [], usedRecoveryCodes: [], challenges: {} };
    case 'RecoveryCodesIssued':
      return { ...state, recoveryCodes: [...event.data.codeHashes], usedRecoveryCodes: [] };
    case 'RecoveryCodeUsed':
      return {
        ...state,
        recoveryCodes: state.recoveryCodes.filter((hash) => hash !== event.data.codeHash),
        usedRecoveryCodes: [...state.usedRecoveryCodes, event.data.codeHash],
      };
    case 'SecondFactorChallenged':
      return {
        ...state,
        challenges: {
          ...state.challenges,
          [event.data.challengeId]: {
            challengeId: event.data.challengeId,
            tokenHash: event.data.tokenHash,
            expiresAt: event.data.expiresAt,
            triesLeft: event.data.maxTries,
          },
        },
      };
    case 'SecondFactorVerified': {
      const { proof } = event.data;
      return proof.method === 'totp' ? { ...state, lastTotpStep: Math.max(state.lastTotpStep, proof.step) } : state;
    }
    case 'SecondFactorFailed': {
      const challenge = event.data.challengeId ? state.challenges[event.data.challengeId] : undefined;
      return {
        ...state,
        secondFactorFailures: [...state.secondFactorFailures, at].slice(-KEEP_FAILURES),
        challenges: challenge ? { ...state.challenges, [challenge.challengeId]: { ...challenge, triesLeft: challenge.triesLeft - 1 } } : state.challenges,
      };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
