import { isAccountEventType, type AccountEvent, type AccountEventType } from '@warden/account/account.events';
import type { MailJob } from './mail-job';
import type { MailTemplate, MailTriggers } from './mail-template';
import { CREDENTIALS_TRIGGERS } from './triggers/credentials.triggers';
import { LIFECYCLE_TRIGGERS } from './triggers/lifecycle.triggers';
import { PASSWORD_TRIGGERS } from './triggers/passwords.triggers';
import { PROFILE_TRIGGERS } from './triggers/profile.triggers';
import { PROTECTION_TRIGGERS } from './triggers/protection.triggers';
import { RECOVERY_TRIGGERS } from './triggers/recovery.triggers';
import { REGISTRATION_TRIGGERS } from './triggers/registration.triggers';
import { SIGN_IN_TRIGGERS } from './triggers/sign-in.triggers';
import { TWO_FACTOR_TRIGGERS } from './triggers/two-factor.triggers';

/** Which events call for a mail, and which template renders it (contract §6), one table per feature area. */
const FIRST_MAILS = {
  ...REGISTRATION_TRIGGERS,
  ...SIGN_IN_TRIGGERS,
  ...PASSWORD_TRIGGERS,
  ...PROTECTION_TRIGGERS,
  ...TWO_FACTOR_TRIGGERS,
  ...RECOVERY_TRIGGERS,
  ...PROFILE_TRIGGERS,
  ...CREDENTIALS_TRIGGERS,
  ...LIFECYCLE_TRIGGERS,
} as const satisfies MailTriggers;

/**
 * Events that call for a second mail to someone else (an email change: the link to the
 * new address, a notice to the old one). The first mail's job id is the event id; a
 * second one's is `<event id>:<template>`, so each still goes out exactly once.
 */
const SECOND = { EmailChangeRequested: 'email-change-notice' } as const satisfies MailTriggers;

/**
 * Mails a job sends itself rather than the mail reactor: the account-deletion job renders
 * 'account-deleted' from the AccountDeletionScheduled whose grace period ended, before the
 * data key is destroyed (a queued job would only find "[erased]").
 */
const SENT_BY_JOBS = { AccountDeletionScheduled: 'account-deleted' } as const satisfies MailTriggers;

export const MAIL_TRIGGERS: MailTriggers = FIRST_MAILS;
export const SECOND_MAILS: MailTriggers = SECOND;

/** The event types of `Table` that name template `M`. */
type TypesNaming<Table, M extends MailTemplate> = { [T in keyof Table]: Table[T] extends M ? T : never }[keyof Table];

/** The event types a template is rendered from, read off the tables above (for the composers' types). */
export type MailEventType<M extends MailTemplate> =
  | TypesNaming<typeof FIRST_MAILS, M>
  | TypesNaming<typeof SECOND, M>
  | TypesNaming<typeof SENT_BY_JOBS, M>;

/** The events template `M` is rendered from. */
export type MailEventOf<M extends MailTemplate> = Extract<AccountEvent, { type: MailEventType<M> }>;

const TABLES: readonly MailTriggers[] = [FIRST_MAILS, SECOND, SENT_BY_JOBS];

/**
 * Is `type` one of the events `template` is rendered from? The one run-time check a mail
 * job needs: it names a template and a revision, and only reading the stream tells which
 * event stands there. Answered from the same tables as MailEventType, so they cannot disagree.
 */
export function rendersEventType<M extends MailTemplate>(template: M, type: AccountEventType): type is MailEventType<M> {
  return TABLES.some((table) => table[type] === template);
}

/** The mail jobs an event calls for, with their ids. */
export function mailJobsFor(event: { eventId: string; streamId: string; revision: number; type: string }): { id: string; job: MailJob }[] {
  if (!isAccountEventType(event.type)) return [];
  const jobs: { id: string; job: MailJob }[] = [];
  const { streamId, revision } = event;
  const first = MAIL_TRIGGERS[event.type];
  if (first) jobs.push({ id: event.eventId, job: { streamId, revision, template: first } });
  const second = SECOND_MAILS[event.type];
  if (second) jobs.push({ id: `${event.eventId}:${second}`, job: { streamId, revision, template: second } });
  return jobs;
}

