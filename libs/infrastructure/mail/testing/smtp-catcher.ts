import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { readMail } from '../mime-reader';

export interface CaughtMessage {
  /** Envelope sender and recipients, as given to MAIL FROM / RCPT TO. */
  from: string;
  to: string[];
  subject: string;
  /** Decoded text and HTML parts, e.g. to pull a token link out of a mail in an e2e test. */
  text?: string;
  html?: string;
  raw: string;
}

export interface SmtpCatcher {
  port: number;
  /** e.g. smtp://127.0.0.1:40123, ready for SMTP_URL or SmtpMailer. */
  url: string;
  messages: CaughtMessage[];
  /** Refuse the next `count` messages at DATA with this reply code (451 = try again later). */
  rejectNext(count: number, responseCode?: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 (random port, no auth, no TLS) that keeps what it receives,
 * for integration and e2e tests.
 */
export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CaughtMessage[] = [];
  const rejections = { remaining: 0, responseCode: 451 };

  const onData = (stream: SMTPServerDataStream, session: SMTPServerSession, done: (error?: Error | null) => void): void => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (rejections.remaining > 0) {
        rejections.remaining -= 1;
        done(Object.assign(new Error('rejected by the test SMTP catcher'), { responseCode: rejections.responseCode }));
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      const { mailFrom, rcptTo } = session.envelope;
      const mail = readMail(raw);
      messages.push({
        from: mailFrom ? mailFrom.address : '',
        to: rcptTo.map((recipient) => recipient.address),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        raw,
      });
      done();
    });
  };

  const server = new SMTPServer({
    authOptional: true,
    // Without STARTTLS on offer, clients stay on plain text instead of failing on a self-signed cert.
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1_000,
    onData,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined); // a client dropping mid-session is not a test failure
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    rejectNext: (count, responseCode = 451) => {
      rejections.remaining = count;
      rejections.responseCode = responseCode;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
