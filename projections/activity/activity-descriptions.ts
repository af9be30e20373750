import type { AccountEvent } from '../../libs/account/account.events';

export interface Activity {
  kind: string;
  description: string;
}

/** What the owner reads about their account, in plain words; null for internal facts. */
export function describeActivity(event: AccountEvent): Activity | null {
  switch (event.type) {
    case 'AccountRegistered':
      return { kind: 'account_created', description: 'You created your account.' };
    case 'EmailVerified':
      return { kind: 'email_verified', description: 'You confirmed your email address.' };
    case 'LoginSucceeded':
      return { kind: 'sign_in', description: 'You signed in.' };
    case 'LoginFailed':
      return { kind: 'sign_in_failed', description: 'Someone tried to sign in with a wrong password.' };
    case 'NewDeviceDetected':
      return { kind: 'new_device', description: 'A sign-in came from a device or network not seen before on your account.' };
    case 'PasswordResetCompleted':
      return { kind: 'password_reset', description: 'Your password was reset and every session was signed out.' };
    case 'PasswordChanged':
      return { kind: 'password_changed', description: 'Your password was changed and your other sessions were signed out.' };
    case 'PasswordDisabled':
      return { kind: 'password_disabled', description: 'Our support team disabled your password as a precaution; reset it to sign in again.' };
    case 'AccountLocked':
      return event.data.reason === 'unusual_activity'
        ? { kind: 'account_locked', description: 'Your account was locked after unusual sign-in activity.' }
        : { kind: 'account_locked', description: 'Our support team locked your account.' };
    case 'AccountUnlocked':
      return { kind: 'account_unlocked', description: 'Your account was unlocked.' };
    case 'SessionRevoked':
      return event.data.reason === 'logout' ? { kind: 'sign_out', description: 'You signed out.' } : null;
    case 'EmailVerificationRequested':
    case 'SessionStarted':
    case 'SessionSeen':
    case 'PasswordResetRequested':
    case 'OwnershipVerificationRequested':
    case 'OwnershipVerified':
      return null;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
