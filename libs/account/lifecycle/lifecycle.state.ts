import type { AccountState, AccountStatus } from '../account.state';
import type { LifecycleEvent } from './lifecycle.events';

/** Suspension, appeals and a scheduled deletion. */
export interface LifecycleState {
  suspension: { reason: string; policyRef: string; since: string } | null;
  appeals: Record<string, 'open' | 'reinstate' | 'uphold'>;
  deletion: { executeAt: string; previousStatus: AccountStatus } | null;
}

export const initialLifecycleState = (): LifecycleState => ({
  suspension: null,
  appeals: {},
  deletion: null,
});

/** The area's cases of the fold; `at` is when the event happened. */
export function evolveLifecycle(state: AccountState, event: LifecycleEvent, at: string): AccountState {
  switch (event.type) {
    case 'AccountSuspended':
      return { ...state, status: 'suspended', suspension: { reason: event.data.reason, policyRef: event.data.policyRef, since: at } };
    case 'AccountReinstated':
      // A lock that stood before the suspension still stands: reinstatement is no ownership proof.
      return { ...state, status: state.lock ? 'locked' : 'active', suspension: null };
    case 'AppealSubmitted':
      return { ...state, appeals: { ...state.appeals, [event.data.appealId]: 'open' } };
    case 'AppealDecided':
      return { ...state, appeals: { ...state.appeals, [event.data.appealId]: event.data.decision } };
    case 'AccountDeletionScheduled':
      return {
        ...state,
        status: 'deletion_scheduled',
        deletion: { executeAt: event.data.executeAt, previousStatus: event.data.previousStatus as AccountStatus },
      };
    case 'AccountDeletionCancelled':
      return { ...state, status: event.data.restoredStatus as AccountStatus, deletion: null };
    case 'AccountDeleted':
      return { ...state, status: 'deleted', deletion: null, sessions: {}, credentials: {}, challenges: {} };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
