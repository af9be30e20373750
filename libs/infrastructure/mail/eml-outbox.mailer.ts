import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { writeFileAtomically } from './atomic-file';
import { toMailOptions } from './compose-mail';
import { Mailer, MailMessage } from './mailer.port';
import { safeToken } from './safe-token';
import { ensurePrivateDir } from '../private-files';

/**
 * The embedded mailer: each mail becomes `<outboxDir>/<id>.eml`, a complete RFC 5322
 * message built by nodemailer (the same MIME an SMTP server would receive). One file per
 * message id, replaced atomically, so a retried send never leaves a duplicate or a torn file.
 */
export class EmlOutboxMailer implements Mailer {
  constructor(
    private readonly outboxDir: string,
    private readonly from: string,
  ) {}

  async send(message: MailMessage): Promise<void> {
    const raw = await new MailComposer(toMailOptions(message, this.from)).compile().build();
    ensurePrivateDir(this.outboxDir);
    await writeFileAtomically(join(this.outboxDir, `${safeToken(message.id)}.eml`), raw);
  }

  async close(): Promise<void> {
    // Nothing held open between sends.
  }
}
