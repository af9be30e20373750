import type { AccountState } from '../account.state';
import type { PendingToken } from '../issued-token';
import type { LockReason, ProtectionEvent } from './protection.events';

/** A lock and the ownership proof that lifts it. */
export interface ProtectionState {
  lock: { reason: LockReason; since: string } | null;
  ownershipVerification: PendingToken | null;
}

export const initialProtectionState = (): ProtectionState => ({
  lock: null,
  ownershipVerification: null,
});

/** The area's cases of the fold; `at` is when the event happened. */
export function evolveProtection(state: AccountState, event: ProtectionEvent, at: string): AccountState {
  switch (event.type) {
    case 'AccountLocked':
      return {
        ...state,
        status: 'locked',
        lock: { reason: event.data.reason, since: at },
        ownershipVerification: event.data.ownershipVerification ?? state.ownershipVerification,
      };
    case 'OwnershipVerificationRequested':
      return {
        ...state,
        ownershipVerification: { tokenId: event.data.tokenId, tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt },
      };
    case 'OwnershipVerified':
      return { ...state, ownershipVerification: null };
    case 'AccountUnlocked':
      return { ...state, status: 'active', lock: null, recentFailures: [], secondFactorFailures: [] };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
