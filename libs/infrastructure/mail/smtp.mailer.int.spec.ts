import { SmtpMailer } from './smtp.mailer';
import { sampleMail, VERIFY_LINK } from './testing/sample-mail';
import { SmtpCatcher, startSmtpCatcher } from './testing/smtp-catcher';

const FROM = 'Warden <no-reply@warden.example>';

describe('SmtpMailer', () => {
  let catcher: SmtpCatcher;
  let mailer: SmtpMailer;

  beforeEach(async () => {
    catcher = await startSmtpCatcher();
    mailer = new SmtpMailer(catcher.url, FROM);
  });

  afterEach(async () => {
    await mailer.close();
    await catcher.close();
  });

  it('delivers one multipart/alternative message with the link in both parts', async () => {
    await mailer.send(sampleMail());

    expect(catcher.messages).toHaveLength(1);
    const [caught] = catcher.messages;
    expect(caught?.from).toBe('no-reply@warden.example');
    expect(caught?.to).toEqual(['ada@example.com']);
    expect(caught?.subject).toBe('Vérifiez votre adresse e-mail');
    expect(caught?.raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(caught?.text).toContain(VERIFY_LINK);
    expect(caught?.html).toContain(`<a href="${VERIFY_LINK}">`);
  });

  it('derives the Message-ID from the message id, so a resend is recognisable', async () => {
    await mailer.send(sampleMail());
    await mailer.send(sampleMail());

    const ids = catcher.messages.map((message) => /^Message-ID: (.+)$/im.exec(message.raw)?.[1]);
    expect(ids).toEqual(['<6f1c2a9e-0d4b-4e6a-9b8f-3c2d1e0f9a7b@warden.example>', '<6f1c2a9e-0d4b-4e6a-9b8f-3c2d1e0f9a7b@warden.example>']);
  });

  it('rejects when the server refuses the message, so the job is retried', async () => {
    catcher.rejectNext(1, 451);

    await expect(mailer.send(sampleMail())).rejects.toMatchObject({ responseCode: 451 });
    expect(catcher.messages).toHaveLength(0);

    await mailer.send(sampleMail());
    expect(catcher.messages).toHaveLength(1);
  });

  it('rejects when no server listens', async () => {
    const { url } = catcher;
    await catcher.close();
    const unreachable = new SmtpMailer(url, FROM);

    await expect(unreachable.send(sampleMail())).rejects.toThrow();
    await unreachable.close();
  });
});
