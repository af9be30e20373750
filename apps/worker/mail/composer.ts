import type { AccountEvent, AccountEventType } from '../../../libs/account/account.events';
import type { AccountState } from '../../../libs/account/account.state';
import type { DecodedAccountEvent } from '../../../libs/infrastructure/event-codec/account-event.codec';
import type { MailContext } from './mail-format';

export interface MailPlan {
  to: string;
  vars: Record<string, string>;
  /**
   * The template to render when a trigger has variants (an account locked by support gets
   * no ownership link); by default the job's own template.
   */
  template?: string;
}

/**
 * Who receives the mail for an event and what fills it, or `null` when this event, in its
 * context, calls for no mail. `previous` is the event just before it in the stream (null
 * for a stream's first event): events appended together share their `causationId`.
 */
export type Composer = (
  event: DecodedAccountEvent,
  account: AccountState,
  context: MailContext,
  previous: DecodedAccountEvent | null,
) => MailPlan | null;

type EventOf<T extends AccountEventType> = Extract<AccountEvent, { type: T }>;

/** The triggering event, narrowed to the types a template renders; anything else is a wiring bug. */
export function expectEvent<T extends AccountEventType>(template: string, e: DecodedAccountEvent, ...types: T[]): EventOf<T> {
  if (!(types as AccountEventType[]).includes(e.event.type)) throw new Error(`${template} cannot render ${e.type}`);
  return e.event as EventOf<T>;
}

