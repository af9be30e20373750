import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountEvent } from '@warden/account/account.events';
import { AccountRepository } from '@warden/application/runner/account.repository';
import { embeddedRepository, type EmbeddedRepository } from '@warden/application/runner/testing/embedded-repository';
import { loadConfig } from '@warden/infrastructure/config/warden-config';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import { SqliteEventStore } from '@warden/infrastructure/event-store/sqlite-event-store';
import { SqliteKeyStore } from '@warden/infrastructure/keys/sqlite-key-store';
import type { MailMessage, Mailer } from '@warden/infrastructure/mail/mailer.port';
import { MAIL_QUEUE, type MailJob } from '@warden/mail/mail-job';
import { mailJobsFor } from '@warden/mail/mail-triggers';
import { SendMailProcessor } from './send-mail.processor';

const ACCOUNT_ID = '6f1c2a8e-4b7d-4e0a-9c3f-2d5b8a1e7f40';
const AT = '2025-03-05T14:07:31.000Z';
const CODES = Array.from({ length: 10 }, (_, i) => String(i).repeat(64));

class RecordingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }
  async close(): Promise<void> {}
}

describe('SendMailProcessor', () => {
  let dir: string;
  let events: SqliteEventStore;
  let keyStore: SqliteKeyStore;
  let accounts: AccountRepository;
  let embedded: EmbeddedRepository;
  let mailer: RecordingMailer;
  let processor: SendMailProcessor;
  let revision = -1;

  /** Appends one command's events, as the command runner does: one causation per append. */
  async function append(causationId: string, ...appended: AccountEvent[]): Promise<number[]> {
    const expected = revision < 0 ? 'no_stream' : revision;
    const metadata = { correlationId: causationId, causationId, actor: { type: 'service' as const, id: 'test' }, occurredAt: AT };
    const result = await accounts.append(ACCOUNT_ID, appended, expected, metadata);
    revision = result.revision;
    return result.events.map((e) => e.revision);
  }

  /** Runs the job the mail reactor would enqueue for the event at this revision. */
  async function mailFor(at: number) {
    const [recorded] = await events.readStream(accountStream(ACCOUNT_ID), { fromRevision: at, maxCount: 1 });
    const payload: MailJob = mailJobsFor(recorded)[0].job;
    return processor.process({ id: recorded.eventId, queue: MAIL_QUEUE, payload, attempt: 1 });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-mail-'));
    const keys = new ServiceKeys(Buffer.alloc(32, 9));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
    keyStore = new SqliteKeyStore(join(dir, 'keys.sqlite'));
    const keyring = new DataKeyring(keyStore, keys.masterKey);
    const codec = new AccountEventCodec(keyring);
    embedded = embeddedRepository(events, keyring, dir);
    accounts = embedded.repository;
    mailer = new RecordingMailer();
    const config = loadConfig({ PUBLIC_URL: 'https://warden.test' });
    processor = new SendMailProcessor(events, mailer, config, codec, accounts, keys);
    await append(
      'register',
      {
        type: 'AccountRegistered',
        data: { accountId: ACCOUNT_ID, email: 'ann@example.com', username: null, displayName: 'Ann', passwordHash: 'h', origin: null },
      },
      { type: 'EmailVerified', data: { email: 'ann@example.com' } },
    );
  });

  afterAll(async () => {
    await embedded.close();
    await events.close();
    await keyStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    mailer.sent.length = 0;
  });

  it('mails 2FA enabled at enrolment, but not the recovery codes issued with it', async () => {
    await append('start', { type: 'TotpEnrollmentStarted', data: { secret: 'JBSWY3DPEHPK3PXP' } });
    const [enabled, issued] = await append(
      'confirm',
      { type: 'TotpEnabled', data: { step: 1000 } },
      { type: 'RecoveryCodesIssued', data: { codeHashes: CODES } },
    );

    expect(await mailFor(enabled)).toBe('sent');
    expect(await mailFor(issued)).toBe('skipped_not_needed');
    expect(mailer.sent.map((m) => [m.to, m.subject])).toEqual([['ann@example.com', 'Two-factor authentication is now on']]);
  });

  it('mails regenerated recovery codes', async () => {
    const [, issued] = await append(
      'regenerate',
      { type: 'SecondFactorVerified', data: { purpose: 'recovery_codes', proof: { method: 'totp', step: 1001 } } },
      { type: 'RecoveryCodesIssued', data: { codeHashes: CODES.map((h) => h.replace(/./, 'a')) } },
    );

    expect(await mailFor(issued)).toBe('sent');
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: 'ann@example.com', subject: 'New recovery codes for your account' });
    expect(mailer.sent[0].id).toBe((await events.readStream(accountStream(ACCOUNT_ID), { fromRevision: issued, maxCount: 1 }))[0].eventId);
  });

  it("finds a stream's first event (nothing before it), and refuses a revision that is not there", async () => {
    const job = (at: number) => ({
      id: `job-${at}`,
      queue: MAIL_QUEUE,
      payload: { streamId: accountStream(ACCOUNT_ID), revision: at, template: 'totp-enabled' as const },
      attempt: 1,
    });
    await expect(processor.process(job(0))).rejects.toThrow('totp-enabled cannot render AccountRegistered');
    await expect(processor.process(job(revision + 1))).rejects.toThrow('event not found');
    expect(mailer.sent).toHaveLength(0);
  });
});
