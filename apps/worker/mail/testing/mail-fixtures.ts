import type { AccountEvent } from '@warden/account/account.events';
import { type AccountState, initialState } from '@warden/account/account.state';
import { MailTokens } from '@warden/infrastructure/crypto/tokens';
import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import type { Actor } from '@warden/shared/envelope';
import type { MailPlan } from '../composer';
import { isMailTemplate, MAIL_CATALOG, type MailContext } from '../mail-catalog';
import { renderMail, type RenderedMail } from '../mail-templates';

/**
 * Shared setup of the mail specs: Ann's account, the event as the mail worker reads it,
 * the context the composers get, and composing-then-rendering a template.
 */

export const ACCOUNT_ID = '6f1c2a8e-4b7d-4e0a-9c3f-2d5b8a1e7f40';
export const EVENT_ID = 'e0e0e0e0-0000-4000-8000-000000000001';
export const TOKEN_ID = 'a3e1d2c4-5b6f-4a7e-8d9c-0b1a2c3d4e5f';
/** When every event of these specs happened, and how the mails write it. */
export const AT = '2025-03-05T14:07:31.000Z';
export const AT_READABLE = '5 March 2025 at 14:07 UTC';
export const PUBLIC_URL = 'https://warden.test';
export const tokens = new MailTokens(Buffer.alloc(32, 7));
export const context: MailContext = { publicUrl: PUBLIC_URL, tokens };

/** Ann's active account, with a display name that must be escaped in HTML; `overrides` set the rest. */
export const annsAccount = (overrides: Partial<AccountState>): AccountState => ({
  ...initialState(),
  exists: true,
  accountId: ACCOUNT_ID,
  status: 'active',
  displayName: '<b>Ann</b>',
  ...overrides,
});

export interface DecodeOptions {
  /** Where the event stands in Ann's stream. */
  revision?: number;
  /** Events appended together share it. */
  causationId?: string;
  actor?: Actor;
}

/** The event as the mail worker reads it; `revision` and `causationId` place it in the stream. */
export function decoded(
  event: AccountEvent,
  { revision = 3, causationId = 'c', actor = { type: 'service', id: 'test' } }: DecodeOptions = {},
): DecodedAccountEvent {
  return {
    streamId: `account-${ACCOUNT_ID}`,
    revision,
    position: '00000000000000000042',
    eventId: EVENT_ID,
    type: event.type,
    schemaVersion: 1,
    occurredAt: AT,
    data: event.data as unknown as DecodedAccountEvent['data'],
    metadata: { correlationId: 'c', causationId, actor, prevHash: '', hash: '' },
    accountId: ACCOUNT_ID,
    event,
  };
}

export interface ComposedMail {
  plan: MailPlan;
  mail: RenderedMail;
}

/** What the composer of `template` plans for `event`, rendered; null when it plans no mail. */
export function composeMail(
  template: string,
  event: DecodedAccountEvent,
  account: AccountState,
  previous: DecodedAccountEvent | null = null,
): ComposedMail | null {
  if (!isMailTemplate(template)) throw new Error(`no mail template ${template}`);
  const plan = MAIL_CATALOG[template](event, account, context, previous);
  return plan && { plan, mail: renderMail(plan.template ?? template, plan.vars) };
}

/** As `composeMail`, for a mail that must go out: planning none fails the spec. */
export function composeRequiredMail(
  template: string,
  event: DecodedAccountEvent,
  account: AccountState,
  previous: DecodedAccountEvent | null = null,
): ComposedMail {
  const composed = composeMail(template, event, account, previous);
  if (!composed) throw new Error(`${template}: no mail planned for ${event.type}`);
  return composed;
}

/** `compose(template, event, state?)` for a spec whose events are decoded with `options` and mailed to `account`. */
export const composerFor =
  (account: AccountState, options: DecodeOptions) =>
  (template: string, event: AccountEvent, state = account): ComposedMail | null =>
    composeMail(template, decoded(event, options), state);
