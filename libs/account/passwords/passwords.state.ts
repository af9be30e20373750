import type { AccountState } from '../account.state';
import type { PendingToken } from '../issued-token';
import type { PasswordsEvent } from './passwords.events';

/** The password, its pending reset and its age. */
export interface PasswordsState {
  passwordHash: string;
  passwordDisabled: boolean;
  passwordReset: PendingToken | null;
  passwordChangedAt: string;
  /** The password (by its change time) the last age reminder was about. */
  passwordRemindedFor: string | null;
}

export const initialPasswordsState = (): PasswordsState => ({
  passwordHash: '',
  passwordDisabled: false,
  passwordReset: null,
  passwordChangedAt: '',
  passwordRemindedFor: null,
});

/** The area's cases of the fold; `at` is when the event happened. */
export function evolvePasswords(state: AccountState, event: PasswordsEvent, at: string): AccountState {
  switch (event.type) {
    case 'PasswordResetRequested':
      return { ...state, passwordReset: { tokenId: event.data.tokenId, tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt } };
    case 'PasswordResetCompleted':
      return {
        ...state,
        passwordHash: event.data.passwordHash,
        passwordChangedAt: at,
        passwordReset: null,
        accountRecovery: null,
        passwordDisabled: false,
        recentFailures: [],
        // A challenge earned with the old password must not outlive it; nor its failures.
        challenges: {},
        secondFactorFailures: [],
        // The email-change notice says "reset your password if it wasn't you": that must
        // also void a change someone else requested with the old password.
        emailChange: null,
      };
    case 'PasswordChanged':
      return { ...state, passwordHash: event.data.passwordHash, passwordChangedAt: at, challenges: {} };
    case 'PasswordDisabled':
      return { ...state, passwordDisabled: true };
    case 'PasswordAgeReminded':
      return { ...state, passwordRemindedFor: event.data.passwordChangedAt };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
