import type { AccountState, AccountStatus } from '../account.state';
import type { PendingToken } from '../issued-token';
import { rememberOrigin } from '../sign-in/sign-in.state';
import type { RegistrationEvent } from './registration.events';

/** The account itself: who it is and whether its address is verified. */
export interface RegistrationState {
  exists: boolean;
  accountId: string;
  status: AccountStatus | null;
  email: string;
  username: string | null;
  displayName: string;
  emailVerified: boolean;
  emailVerification: PendingToken | null;
  /** When verification links were sent, newest last (resend limits). */
  verificationRequestTimes: string[];
}

export const initialRegistrationState = (): RegistrationState => ({
  exists: false,
  accountId: '',
  status: null,
  email: '',
  username: null,
  displayName: '',
  emailVerified: false,
  emailVerification: null,
  verificationRequestTimes: [],
});

/** The area's cases of the fold; `at` is when the event happened. */
export function evolveRegistration(state: AccountState, event: RegistrationEvent, at: string): AccountState {
  switch (event.type) {
    case 'AccountRegistered':
      return rememberOrigin(
        {
          ...state,
          exists: true,
          accountId: event.data.accountId,
          status: 'pending_verification',
          email: event.data.email,
          username: event.data.username,
          displayName: event.data.displayName,
          passwordHash: event.data.passwordHash,
          passwordChangedAt: at,
        },
        event.data.origin,
      );
    case 'EmailVerificationRequested':
      return {
        ...state,
        emailVerification: { tokenId: event.data.tokenId, tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt },
        verificationRequestTimes: [...state.verificationRequestTimes, at].slice(-10),
      };
    case 'EmailVerified':
      return {
        ...state,
        emailVerified: true,
        emailVerification: null,
        status: state.status === 'pending_verification' ? 'active' : state.status,
      };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
