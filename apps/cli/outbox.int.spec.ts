import { mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmlOutboxMailer } from '@warden/infrastructure/mail/eml-outbox.mailer';
import { formatOutbox, newestMails } from './outbox';

describe('the CLI view of the embedded outbox', () => {
  it('decodes the newest mails, links intact, newest first', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'warden-outbox-')), 'outbox');
    const mailer = new EmlOutboxMailer(dir, 'Warden <no-reply@localhost>');
    const link = `http://localhost:3000/verify-email?token=${'A1b2_C3d4-'.repeat(6)}xyzw`;
    await mailer.send({ id: 'older', to: 'ann@example.com', subject: 'First', text: `Open ${link}`, html: `<a href="${link}">x</a>` });
    await mailer.send({ id: 'newer', to: 'bob@example.com', subject: 'Second', text: 'Hello Bob', html: '<p>Hello Bob</p>' });
    utimesSync(join(dir, 'older.eml'), new Date(1_000_000), new Date(1_000_000));

    const mails = newestMails(dir, 5);
    expect(mails.map((m) => m.subject)).toEqual(['Second', 'First']);
    expect(mails[1]).toMatchObject({ to: 'ann@example.com', text: `Open ${link}` });
    expect(newestMails(dir, 1).map((m) => m.subject)).toEqual(['Second']);
    expect(formatOutbox(mails)).toContain(link);
    expect(formatOutbox(newestMails(join(dir, 'missing'), 5))).toBe('the outbox is empty\n');
  });
});
