import type { AccountEvent } from '@warden/account/account.events';

const words = (code: string) => code.replace(/_/g, ' ');

/** Plain-words summaries for support staff. No secret, hash or free-text note appears here. */
export function summarize(event: AccountEvent): string {
  switch (event.type) {
    case 'AccountRegistered':
      return 'Account registered';
    case 'EmailVerificationRequested':
      return 'Email verification link sent';
    case 'EmailVerified':
      return 'Email address verified';
    case 'LoginFailed':
      return 'Sign-in failed: wrong password';
    case 'LoginSucceeded':
      return 'Signed in';
    case 'NewDeviceDetected':
      return `Sign-in from a new ${[event.data.newDevice && 'device', event.data.newNetwork && 'network'].filter(Boolean).join(' and ')}`;
    case 'SessionStarted':
      return 'Session started';
    case 'SessionSeen':
      return 'Session used';
    case 'SessionRevoked':
      return `Session ended (${words(event.data.reason)})`;
    case 'PasswordResetRequested':
      return 'Password reset link sent';
    case 'PasswordResetCompleted':
      return 'Password reset';
    case 'PasswordChanged':
      return 'Password changed';
    case 'PasswordDisabled':
      return 'Password disabled by support';
    case 'AccountLocked':
      return event.data.reason === 'unusual_activity' ? 'Account locked after unusual activity' : 'Account locked by support';
    case 'OwnershipVerificationRequested':
      return 'Ownership verification link sent';
    case 'OwnershipVerified':
      return `Ownership verified (${words(event.data.method)})`;
    case 'AccountUnlocked':
      return 'Account unlocked';
    case 'TotpEnrollmentStarted':
      return 'Two-factor enrolment started';
    case 'TotpEnabled':
      return 'Two-factor authentication turned on';
    case 'TotpDisabled':
      return `Two-factor authentication turned off (${words(event.data.reason)})`;
    case 'RecoveryCodesIssued':
      return `${event.data.codeHashes.length} recovery codes issued`;
    case 'RecoveryCodeUsed':
      return 'Recovery code used';
    case 'SecondFactorChallenged':
      return 'Second factor requested after a correct password';
    case 'SecondFactorVerified':
      return `Second factor accepted (${words(event.data.proof.method)}, ${words(event.data.purpose)})`;
    case 'SecondFactorFailed':
      return `Second factor refused (${words(event.data.reason)})`;
    case 'AccountRecoveryRequested':
      return 'Account recovery link sent';
    case 'RecoveryCaseOpened':
      return 'Recovery case opened for support review';
    case 'RecoveryCaseDecided':
      return `Recovery case ${event.data.decision === 'approve' ? 'approved' : 'rejected'}`;
    case 'DisplayNameChanged':
      return 'Display name changed';
    case 'UsernameChanged':
      return event.data.previous ? 'Username changed' : 'Username set';
    case 'EmailChangeRequested':
      return 'Email change requested; confirmation link sent to the new address';
    case 'EmailChanged':
      return 'Email address changed';
    case 'CredentialIssued':
      return `Integration credential issued (${event.data.prefix}…)`;
    case 'CredentialRegenerated':
      return `Integration credential regenerated (${event.data.prefix}…)`;
    case 'CredentialRevoked':
      return `Integration credential revoked (${words(event.data.reason)})`;
    case 'CredentialUsed':
      return 'Integration credential used';
    case 'AccountSuspended':
      return `Account suspended (policy ${event.data.policyRef})`;
    case 'AccountReinstated':
      return 'Account reinstated';
    case 'AppealSubmitted':
      return 'Appeal submitted';
    case 'AppealDecided':
      return `Appeal decided: ${event.data.decision}`;
    case 'AccountDeletionScheduled':
      return `Deletion scheduled for ${event.data.executeAt} (ticket ${event.data.ticketRef})`;
    case 'AccountDeletionCancelled':
      return 'Scheduled deletion cancelled';
    case 'AccountDeleted':
      return 'Account deleted; personal data erased';
    case 'PasswordAgeReminded':
      return `Password age reminder sent (${event.data.ageDays} days old)`;
    default: {
      const unhandled: never = event;
      return String((unhandled as { type: string }).type);
    }
  }
}
