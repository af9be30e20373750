import { CREDENTIAL_TRIGGERS } from './triggers/credential.triggers';
import { LIFECYCLE_TRIGGERS } from './triggers/lifecycle.triggers';
import { PROFILE_TRIGGERS } from './triggers/profile.triggers';

/** Which events call for a mail, and which template renders it (contract §6). */
export const MAIL_TRIGGERS: Record<string, string> = {
  EmailVerificationRequested: 'verify-email',
  PasswordResetRequested: 'password-reset',
  PasswordResetCompleted: 'password-changed',
  PasswordChanged: 'password-changed',
  NewDeviceDetected: 'new-sign-in',
  // A lock by support renders the catalog's 'account-locked-by-support' variant (no link).
  AccountLocked: 'account-locked',
  OwnershipVerificationRequested: 'ownership-verification',
  PasswordDisabled: 'password-disabled',
  TotpEnabled: 'totp-enabled',
  TotpDisabled: 'totp-disabled',
  // Also appended at enrolment, next to TotpEnabled: the catalog then sends nothing.
  RecoveryCodesIssued: 'recovery-codes-regenerated',
  AccountRecoveryRequested: 'account-recovery',
  RecoveryCaseOpened: 'recovery-case-opened',
  // A rejection renders the catalog's 'recovery-case-rejected' variant.
  RecoveryCaseDecided: 'recovery-case-decided',
  ...LIFECYCLE_TRIGGERS,
  ...PROFILE_TRIGGERS,
  ...CREDENTIAL_TRIGGERS,
};

/**
 * Events that call for a second mail to someone else (an email change: the link to the
 * new address, a notice to the old one). The first mail's job id is the event id; a
 * second one's is `<event id>:<template>`, so each still goes out exactly once.
 */
export const SECOND_MAILS: Record<string, string> = { EmailChangeRequested: 'email-change-notice' };

/** The mail jobs an event calls for, with their ids. */
export function mailJobsFor(event: { eventId: string; streamId: string; revision: number; type: string }): { id: string; job: MailJob }[] {
  const jobs: { id: string; job: MailJob }[] = [];
  const { streamId, revision } = event;
  const first = MAIL_TRIGGERS[event.type];
  if (first) jobs.push({ id: event.eventId, job: { streamId, revision, template: first } });
  const second = SECOND_MAILS[event.type];
  if (second) jobs.push({ id: `${event.eventId}:${second}`, job: { streamId, revision, template: second } });
  return jobs;
}

export const MAIL_QUEUE = 'mail';

/** A mail job names its triggering event only: no address or name waits in the queue. */
export interface MailJob {
  streamId: string;
  revision: number;
  template: string;
}
