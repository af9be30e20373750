import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmlOutboxMailer } from './eml-outbox.mailer';
import { readMail } from './mime-reader';
import { sampleMail, VERIFY_LINK } from './testing/sample-mail';

const FROM = 'Warden <no-reply@localhost>';

describe('EmlOutboxMailer', () => {
  let outbox: string;

  beforeEach(() => {
    // The outbox itself does not exist yet: the mailer creates it.
    outbox = join(mkdtempSync(join(tmpdir(), 'warden-outbox-')), 'outbox');
  });

  afterEach(() => rmSync(join(outbox, '..'), { recursive: true, force: true }));

  it('writes one RFC 5322 multipart/alternative message named after the message id', async () => {
    const mailer = new EmlOutboxMailer(outbox, FROM);

    await mailer.send(sampleMail());

    expect(readdirSync(outbox)).toEqual(['6f1c2a9e-0d4b-4e6a-9b8f-3c2d1e0f9a7b.eml']);
    const file = join(outbox, '6f1c2a9e-0d4b-4e6a-9b8f-3c2d1e0f9a7b.eml');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const raw = readFileSync(file, 'utf8');
    expect(raw).toMatch(/\r\n\r\n/); // CRLF line ends, header block then body
    const mail = readMail(raw);
    expect(mail.header('from')).toBe('Warden <no-reply@localhost>');
    expect(mail.header('to')).toBe('ada@example.com');
    expect(mail.header('mime-version')).toBe('1.0');
    expect(mail.header('date')).toMatch(/\+0000$/);
    expect(mail.header('message-id')).toBe('<6f1c2a9e-0d4b-4e6a-9b8f-3c2d1e0f9a7b@localhost>');
    expect(mail.header('content-type')).toMatch(/^multipart\/alternative; boundary=/);
    expect(mail.subject).toBe('Vérifiez votre adresse e-mail');
    expect(mail.text).toContain(`Confirmez votre adresse : ${VERIFY_LINK}`);
    expect(mail.html).toContain(`<a href="${VERIFY_LINK}">ce lien sécurisé</a>`);
    await mailer.close();
  });

  it('replaces the file when the same id is sent again, and keeps other ids apart', async () => {
    const mailer = new EmlOutboxMailer(outbox, FROM);

    await mailer.send(sampleMail({ subject: 'first' }));
    await mailer.send(sampleMail({ subject: 'second' }));
    await mailer.send(sampleMail({ id: 'evt/../1', subject: 'other' }));

    const files = readdirSync(outbox).sort();
    expect(files).toEqual(['6f1c2a9e-0d4b-4e6a-9b8f-3c2d1e0f9a7b.eml', 'evt_2f_2e_2e_2f1.eml']);
    expect(readMail(readFileSync(join(outbox, files[0]!), 'utf8')).subject).toBe('second');
  });

  it('leaves no temp file behind when many sends of one id race', async () => {
    const mailer = new EmlOutboxMailer(outbox, FROM);

    await Promise.all(Array.from({ length: 10 }, (_, i) => mailer.send(sampleMail({ subject: `try ${i}` }))));

    expect(readdirSync(outbox)).toEqual(['6f1c2a9e-0d4b-4e6a-9b8f-3c2d1e0f9a7b.eml']);
  });
});
