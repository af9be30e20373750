export interface MailMessage {
  /** Stable id (the triggering event's id): a retried send replaces, never duplicates. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}
