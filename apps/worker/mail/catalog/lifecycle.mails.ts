import type { Composer } from '../composer';

/** The lifecycle mails: template name → composer (see MAIL_CATALOG). */
export const LIFECYCLE_MAILS: Record<string, Composer> = {};
