/** The lifecycle events that call for a mail: event type → template (see MAIL_TRIGGERS). */
export const LIFECYCLE_TRIGGERS: Record<string, string> = {};
