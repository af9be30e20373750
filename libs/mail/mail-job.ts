import type { MailTemplate } from './mail-template';

/** The queue the mail reactor fills and the mail worker consumes. */
export const MAIL_QUEUE = 'mail';

/**
 * A mail job names its triggering event only: no address or name waits in the queue. The
 * worker reads the event at send time (so an erased account's pending mails find
 * "[erased]"), and refuses a template it does not know (a job queued by another version).
 */
export interface MailJob {
  streamId: string;
  revision: number;
  template: MailTemplate;
}
