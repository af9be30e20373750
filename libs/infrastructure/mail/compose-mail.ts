import Mail from 'nodemailer/lib/mailer';
import { MailMessage } from './mailer.port';
import { messageIdFor } from './message-id';

/** The nodemailer options both mailers send: multipart/alternative with text and HTML. */
export function toMailOptions(message: MailMessage, from: string): Mail.Options {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: messageIdFor(message.id, from),
  };
}
