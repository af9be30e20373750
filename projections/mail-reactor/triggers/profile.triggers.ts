/** The profile events that call for a mail: event type → template (see MAIL_TRIGGERS). */
export const PROFILE_TRIGGERS: Record<string, string> = {};
