/** The credential events that call for a mail: event type → template (see MAIL_TRIGGERS). */
export const CREDENTIAL_TRIGGERS: Record<string, string> = {};
