import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import type { MailTemplate } from '@warden/mail/mail-template';
import { rendersEventType, type MailEventOf } from '@warden/mail/mail-triggers';
import type { Composer, MailComposers, MailEvent } from './composer';
import { CREDENTIALS_MAILS } from './catalog/credentials.mails';
import { LIFECYCLE_MAILS } from './catalog/lifecycle.mails';
import { PASSWORD_MAILS } from './catalog/passwords.mails';
import { PROFILE_MAILS } from './catalog/profile.mails';
import { PROTECTION_MAILS } from './catalog/protection.mails';
import { RECOVERY_MAILS } from './catalog/recovery.mails';
import { REGISTRATION_MAILS } from './catalog/registration.mails';
import { SIGN_IN_MAILS } from './catalog/sign-in.mails';
import { TWO_FACTOR_MAILS } from './catalog/two-factor.mails';

export type { MailContext } from './mail-format';
export type { MailPlan } from './composer';

/** For each template: who receives it and what fills it, from the triggering event (one file per feature area). */
const COMPOSERS: MailComposers = {
  ...REGISTRATION_MAILS,
  ...SIGN_IN_MAILS,
  ...PASSWORD_MAILS,
  ...PROTECTION_MAILS,
  ...TWO_FACTOR_MAILS,
  ...RECOVERY_MAILS,
  ...PROFILE_MAILS,
  ...CREDENTIALS_MAILS,
  ...LIFECYCLE_MAILS,
};

/** Is the event one that `template` is rendered from? */
const renders = <M extends MailTemplate>(template: M, e: DecodedAccountEvent): e is MailEvent<MailEventOf<M>> =>
  rendersEventType(template, e.event.type);

/**
 * A composer behind the one check a mail job needs: the job names a template and a
 * revision, and only the event read there says whether that template renders it (a job
 * that names another is a wiring bug, never mailed).
 */
function checked<M extends MailTemplate>(template: M, compose: Composer<MailEventOf<M>>): Composer {
  return (e, account, context, previous) => {
    if (!renders(template, e)) throw new Error(`${template} cannot render ${e.type}`);
    return compose(e, account, context, previous);
  };
}

/** Every template's composer, taking any decoded event and refusing one its template is not rendered from. */
export const MAIL_CATALOG = Object.fromEntries(
  (Object.keys(COMPOSERS) as MailTemplate[]).map(<M extends MailTemplate>(template: M) => [template, checked(template, COMPOSERS[template])]),
) as Record<MailTemplate, Composer>;

/** Does a composer exist for this name (a queued job may come from another version)? */
export const isMailTemplate = (name: string): name is MailTemplate => Object.hasOwn(COMPOSERS, name);
