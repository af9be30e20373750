import type { Composer } from '../composer';

/** The profile mails: template name → composer (see MAIL_CATALOG). */
export const PROFILE_MAILS: Record<string, Composer> = {};
