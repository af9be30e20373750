import type { AccountEventType } from '@warden/account/account.events';

/**
 * Every mail Warden sends, by the name of the template that renders it
 * (apps/worker/mail/templates/<name>.txt and .html). The mail triggers name them and the
 * worker's catalog must compose each one: a name missing or mistyped on either side is a
 * compile error.
 */
export type MailTemplate =
  // registration
  | 'verify-email'
  // sign-in
  | 'new-sign-in'
  // passwords
  | 'password-reset'
  | 'password-changed'
  | 'password-disabled'
  | 'password-age-reminder'
  // protection
  | 'account-locked'
  | 'ownership-verification'
  // two-factor
  | 'totp-enabled'
  | 'totp-disabled'
  | 'recovery-codes-regenerated'
  // recovery
  | 'account-recovery'
  | 'recovery-case-opened'
  | 'recovery-case-decided'
  // profile
  | 'email-change-confirm'
  | 'email-change-notice'
  // credentials
  | 'credential-regenerated'
  // lifecycle
  | 'account-suspended'
  | 'appeal-decided'
  | 'deletion-scheduled'
  | 'account-deleted';

/**
 * Templates a composer may pick instead of its trigger's own when the event has variants
 * (a lock by support carries no ownership link; a rejection is worded apart).
 */
export type MailVariant = 'account-locked-by-support' | 'recovery-case-rejected' | 'appeal-upheld';

/** Event type → the template of the mail it calls for; an event not named calls for none. */
export type MailTriggers = { readonly [T in AccountEventType]?: MailTemplate };
