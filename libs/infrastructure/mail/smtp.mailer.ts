import { createTransport, Transporter } from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import { toMailOptions } from './compose-mail';
import { Mailer, MailMessage } from './mailer.port';

// nodemailer's defaults (2 min to connect, 10 min idle) would hold a worker slot far longer
// than a retry with backoff costs. Query parameters of the SMTP URL override these.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Sends through an SMTP server (`smtp://` or `smtps://` URL, credentials included). send()
 * rejects on any refusal or network failure so the queue retries it; the Message-ID is
 * derived from the message id so a retry after an unacknowledged delivery is recognisable.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(new SMTPTransport({ ...TIMEOUTS, url: smtpUrl }));
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail(toMailOptions(message, this.from));
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
