import type { OutboxMail } from '@warden/apps/testing/outbox';

/** The first `…/<path>?token=…` link of a mail's text part, exactly as mailed. */
export function mailedLink(mail: OutboxMail, path: string): string {
  const match = mail.text.match(new RegExp(`https?://[^\\s"<>]+/${path}\\?token=[A-Za-z0-9_-]+`));
  if (!match) throw new Error(`no /${path} link in the mail "${mail.subject}"`);
  return match[0];
}
