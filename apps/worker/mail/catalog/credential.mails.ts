import type { Composer } from '../composer';

/** The credential mails: template name → composer (see MAIL_CATALOG). */
export const CREDENTIAL_MAILS: Record<string, Composer> = {};
