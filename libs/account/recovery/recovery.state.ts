import type { AccountState } from '../account.state';
import type { PendingToken } from '../issued-token';
import type { RecoveryEvent } from './recovery.events';

/** Account recovery without the second factor. */
export interface RecoveryState {
  accountRecovery: PendingToken | null;
  recoveryCases: Record<string, 'open' | 'approve' | 'reject'>;
}

export const initialRecoveryState = (): RecoveryState => ({
  accountRecovery: null,
  recoveryCases: {},
});

/** The area's cases of the fold; `at` is when the event happened. */
export function evolveRecovery(state: AccountState, event: RecoveryEvent, _at: string): AccountState {
  switch (event.type) {
    case 'AccountRecoveryRequested':
      return { ...state, accountRecovery: { tokenId: event.data.tokenId, tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt } };
    case 'RecoveryCaseOpened':
      return { ...state, accountRecovery: null, recoveryCases: { ...state.recoveryCases, [event.data.caseId]: 'open' } };
    case 'RecoveryCaseDecided':
      return { ...state, recoveryCases: { ...state.recoveryCases, [event.data.caseId]: event.data.decision } };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
