import type { AccountEvent } from '@warden/account/account.events';
import type { AccountState } from '@warden/account/account.state';
import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import type { MailTemplate, MailVariant } from '@warden/mail/mail-template';
import type { MailEventOf } from '@warden/mail/mail-triggers';
import type { MailContext } from './mail-format';

export interface MailPlan {
  to: string;
  vars: Record<string, string>;
  /**
   * The template to render when a trigger has variants (an account locked by support gets
   * no ownership link); by default the job's own template.
   */
  template?: MailVariant;
}

/** The triggering event as the worker reads it, its domain event narrowed to `E`. */
export type MailEvent<E extends AccountEvent = AccountEvent> = DecodedAccountEvent & { event: E };

/**
 * Who receives the mail for an event and what fills it, or `null` when this event, in its
 * context, calls for no mail. `previous` is the event just before it in the stream (null
 * for a stream's first event): events appended together share their `causationId`.
 */
export type Composer<E extends AccountEvent = AccountEvent> = (
  event: MailEvent<E>,
  account: AccountState,
  context: MailContext,
  previous: DecodedAccountEvent | null,
) => MailPlan | null;

/**
 * A composer for every template, each given only the events the mail triggers
 * (libs/mail) render it from: a template without a composer, or a composer reading an
 * event that never triggers it, is a compile error.
 */
export type MailComposers = { readonly [M in MailTemplate]: Composer<MailEventOf<M>> };
