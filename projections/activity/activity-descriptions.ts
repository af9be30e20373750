import type { AccountEvent } from '@warden/account/account.events';

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
    case 'TotpEnabled':
      return { kind: 'two_factor_enabled', description: 'You turned on two-factor authentication.' };
    case 'TotpDisabled':
      return { kind: 'two_factor_disabled', description: 'Two-factor authentication was turned off.' };
    case 'RecoveryCodesIssued':
      return { kind: 'recovery_codes_issued', description: 'New recovery codes were created; the old ones no longer work.' };
    case 'RecoveryCodeUsed':
      return { kind: 'recovery_code_used', description: 'A recovery code was used.' };
    case 'SecondFactorFailed':
      return { kind: 'two_factor_failed', description: 'Someone entered a wrong two-factor code after a correct password.' };
    case 'RecoveryCaseOpened':
      return { kind: 'recovery_case_opened', description: 'You asked our support team to recover your account.' };
    case 'RecoveryCaseDecided':
      return {
        kind: 'recovery_case_decided',
        description: event.data.decision === 'approve' ? 'Support approved your account recovery.' : 'Support declined your account recovery.',
      };
    case 'DisplayNameChanged':
      return { kind: 'profile_changed', description: 'Your display name was changed.' };
    case 'UsernameChanged':
      return { kind: 'username_changed', description: 'Your username was changed.' };
    case 'EmailChanged':
      return { kind: 'email_changed', description: 'Your email address was changed.' };
    case 'CredentialIssued':
      return { kind: 'credential_issued', description: 'A new integration credential was created.' };
    case 'CredentialRegenerated':
      return { kind: 'credential_regenerated', description: 'An integration credential was regenerated; the old secret no longer works.' };
    case 'CredentialRevoked':
      return { kind: 'credential_revoked', description: 'An integration credential was revoked.' };
    case 'AccountSuspended':
      return { kind: 'account_suspended', description: 'Your account was suspended.' };
    case 'AccountReinstated':
      return { kind: 'account_reinstated', description: 'Your account was reinstated.' };
    case 'AppealSubmitted':
      return { kind: 'appeal_submitted', description: 'You appealed the suspension.' };
    case 'AppealDecided':
      return { kind: 'appeal_decided', description: 'Your appeal was decided.' };
    case 'AccountDeletionScheduled':
      return { kind: 'deletion_scheduled', description: 'Your account is scheduled for deletion.' };
    case 'AccountDeletionCancelled':
      return { kind: 'deletion_cancelled', description: 'The scheduled deletion of your account was cancelled.' };
    case 'EmailChangeRequested':
    case 'CredentialUsed':
    case 'AccountDeleted':
    case 'PasswordAgeReminded':
    case 'TotpEnrollmentStarted':
    case 'SecondFactorChallenged':
    case 'SecondFactorVerified':
    case 'AccountRecoveryRequested':
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
