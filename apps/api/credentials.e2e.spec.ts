import { hashToken } from '@warden/infrastructure/crypto/tokens';
import { PASSWORD_AGE_QUEUE, PasswordAgeReminderJob } from '../worker/scheduled/password-age-reminder.job';
import { authPost, logIn, mailTo, register, supportGet, supportPost, uniqueEmail, verifiedAccount } from '../testing/flows';
import { readOutbox } from '../testing/outbox';
import { bearer, startWarden, storedBytes, type TestWarden } from '../testing/warden-harness';
import { settled } from '../testing/settled';
import { until } from '../testing/until';

const SECRET_FORMAT = /^wdn_[0-9a-f]{8}_[A-Za-z0-9_-]{64}$/;

interface Listed {
  credentialId: string;
  label: string;
  prefix: string;
  createdAt: string;
  rotatedAt: string | null;
  lastUsedAt: string | null;
}

const streamTypes = async (w: TestWarden, accountId: string) =>
  (await w.warden.services.events.readStream(`account-${accountId}`)).map((e) => e.type);

describe('integration credentials over HTTP', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden({ env: { CREDENTIAL_TOUCH_SECONDS: '0' } });
  });
  afterAll(() => w.close());

  const issue = (accountId: string, label = 'CI deploy bot') => authPost(w, `/v1/accounts/${accountId}/credentials`, { label });
  const regenerate = (accountId: string, credentialId: string) => authPost(w, `/v1/accounts/${accountId}/credentials/${credentialId}/regenerate`, {});
  const revoke = (accountId: string, credentialId: string) =>
    w.http.delete(`/v1/accounts/${accountId}/credentials/${credentialId}`).set('Authorization', bearer('auth'));
  const introspect = (secret: unknown) => authPost(w, '/v1/credentials/introspect', { secret });
  const list = async (accountId: string, minPosition: string) => {
    const res = await w.http.get(`/v1/accounts/${accountId}/credentials`).set('Authorization', bearer('auth')).set('X-Min-Position', minPosition);
    expect(res.status).toBe(200);
    return res;
  };
  /** A position after everything appended so far (a login appends), for read-your-writes. */
  const latestPosition = async (email: string) => (await logIn(w, email)).headers['x-event-position'] as string;

  it('shows the secret once and stores only its hash and prefix', async () => {
    const email = uniqueEmail('cred-issue');
    const accountId = await verifiedAccount(w, email);

    const issued = await issue(accountId, '  CI deploy bot ');
    expect(issued.status).toBe(201);
    expect(Object.keys(issued.body).sort()).toEqual(['credentialId', 'secret']);
    const { credentialId, secret } = issued.body as { credentialId: string; secret: string };
    expect(secret).toMatch(SECRET_FORMAT);
    expect(issued.headers['x-event-position']).toBeDefined();

    const listed = await list(accountId, issued.headers['x-event-position']);
    expect(listed.body).toEqual({
      credentials: [
        { credentialId, label: 'CI deploy bot', prefix: secret.slice(0, 'wdn_'.length + 8), createdAt: expect.any(String), rotatedAt: null, lastUsedAt: null },
      ],
    });
    expect(listed.text).not.toContain(secret);
    expect(listed.text).not.toContain(hashToken(secret));

    // A second credential gets a secret of its own.
    const other = await issue(accountId, 'billing export');
    expect(other.body.secret).not.toBe(secret);
    expect((await list(accountId, other.headers['x-event-position'])).body.credentials).toHaveLength(2);

    expect((await introspect(secret)).body).toEqual({ active: true, accountId, credentialId });
    await list(accountId, await latestPosition(email)); // projector and worker have caught up
    const stores = storedBytes(w.dataDir);
    expect(stores).toContain(accountId); // positive control: the scan reads the stores
    for (const s of [secret, other.body.secret as string]) {
      expect(stores.includes(s)).toBe(false);
      expect(stores.includes(s.slice(-64))).toBe(false); // not even the random part
    }
  });

  it('answers introspection from the stream and records the last use', async () => {
    const email = uniqueEmail('cred-use');
    const accountId = await verifiedAccount(w, email);
    const { credentialId, secret } = (await issue(accountId)).body as { credentialId: string; secret: string };

    const res = await introspect(secret);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ active: true, accountId, credentialId });

    const [used] = (await list(accountId, await latestPosition(email))).body.credentials as Listed[];
    expect(used.lastUsedAt).not.toBeNull();
    expect(Date.parse(used.lastUsedAt!)).toBeGreaterThanOrEqual(Date.parse(used.createdAt));
    expect(await streamTypes(w, accountId)).toContain('CredentialUsed');
  });

  it('regenerates: the old secret stops at once, the new one works, and the owner is told', async () => {
    const email = uniqueEmail('cred-regen');
    const accountId = await verifiedAccount(w, email);
    const { credentialId, secret: oldSecret } = (await issue(accountId, 'nightly sync')).body as { credentialId: string; secret: string };
    expect((await introspect(oldSecret)).body.active).toBe(true);

    const regenerated = await regenerate(accountId, credentialId);
    expect(regenerated.status).toBe(200);
    expect(Object.keys(regenerated.body)).toEqual(['secret']);
    const newSecret = regenerated.body.secret as string;
    expect(newSecret).toMatch(SECRET_FORMAT);
    expect(newSecret).not.toBe(oldSecret);

    // No read-your-writes header needed: introspection reads the account's stream.
    expect((await introspect(oldSecret)).body).toEqual({ active: false });
    expect((await introspect(newSecret)).body).toEqual({ active: true, accountId, credentialId });

    const [listed] = (await list(accountId, regenerated.headers['x-event-position'])).body.credentials as Listed[];
    expect(listed.prefix).toBe(newSecret.slice(0, 12));
    expect(listed.rotatedAt).not.toBeNull();

    const notice = await mailTo(w, email, 'The secret of your API credential was regenerated');
    for (const part of [notice.text, notice.html]) {
      expect(part).toContain('nightly sync');
      expect(part).toContain(newSecret.slice(0, 12));
      expect(part).toContain('revoke the credential');
      expect(part).toContain('contact our support team');
      expect(part).not.toContain(newSecret);
    }

    const unknown = await regenerate(accountId, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('credential_not_found');
  });

  it('revokes: inactive at once, gone from the list, 404 the second time', async () => {
    const email = uniqueEmail('cred-revoke');
    const accountId = await verifiedAccount(w, email);
    const kept = (await issue(accountId, 'kept')).body as { credentialId: string; secret: string };
    const { credentialId, secret } = (await issue(accountId, 'revoked')).body as { credentialId: string; secret: string };

    const revoked = await revoke(accountId, credentialId);
    expect(revoked.status).toBe(204);
    expect((await introspect(secret)).body).toEqual({ active: false });
    expect((await introspect(kept.secret)).body.active).toBe(true);

    const again = await revoke(accountId, credentialId);
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('credential_not_found');
    const regenerateRevoked = await regenerate(accountId, credentialId);
    expect(regenerateRevoked.status).toBe(404);

    const listed = (await list(accountId, revoked.headers['x-event-position'])).body.credentials as Listed[];
    expect(listed.map((c) => c.credentialId)).toEqual([kept.credentialId]);
  });

  it('answers active:false for wrong, garbled or foreign secrets, and 400 for a non-string', async () => {
    const email = uniqueEmail('cred-garbled');
    const accountId = await verifiedAccount(w, email);
    const { secret } = (await issue(accountId)).body as { secret: string };
    const flipped = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    const otherVisibleId = `wdn_${secret.slice(4, 12) === '00000000' ? '11111111' : '00000000'}${secret.slice(12)}`;
    const unknownAccount = `wdn_0123abcd_${Buffer.concat([Buffer.alloc(16, 7), Buffer.alloc(32, 9)]).toString('base64url')}`;
    for (const wrong of ['nope', secret.slice(0, -1), flipped, otherVisibleId, unknownAccount, `${secret}x`, secret.slice(13), 'wdn_________']) {
      const res = await introspect(wrong);
      expect({ wrong, status: res.status, body: res.body }).toEqual({ wrong, status: 200, body: { active: false } });
    }
    for (const invalid of ['', 42, null]) {
      const res = await introspect(invalid);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation_failed');
    }
    expect((await w.http.post('/v1/credentials/introspect').send({ secret })).status).toBe(401);
  });

  it('stops a credential while its account is not active, and refuses to issue one then', async () => {
    const email = uniqueEmail('cred-locked');
    const accountId = await verifiedAccount(w, email);
    const { secret } = (await issue(accountId)).body as { secret: string };

    expect((await supportPost(w, `/v1/accounts/${accountId}/lock`, { reason: 'ticket 12: owner asked' })).status).toBe(200);
    expect((await introspect(secret)).body).toEqual({ active: false });
    const refused = await issue(accountId);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('invalid_state');

    expect((await supportPost(w, `/v1/accounts/${accountId}/unlock`, { reason: 'ticket 12: verified' })).status).toBe(200);
    expect((await introspect(secret)).body.active).toBe(true);

    const pending = await register(w, uniqueEmail('cred-pending'));
    const notYet = await issue(pending.body.accountId as string);
    expect(notYet.status).toBe(409);
    expect(notYet.body.error).toBe('invalid_state');
  });

  it('validates input and answers 404 for an unknown account', async () => {
    const email = uniqueEmail('cred-validate');
    const accountId = await verifiedAccount(w, email);
    for (const body of [{}, { label: '' }, { label: '   ' }, { label: 'x'.repeat(101) }, { label: 'ok', extra: 1 }]) {
      const res = await authPost(w, `/v1/accounts/${accountId}/credentials`, body);
      expect({ body, status: res.status, error: res.body.error }).toEqual({ body, status: 400, error: 'validation_failed' });
    }
    const unknown = await issue('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('account_not_found');
    const notUuid = await revoke(accountId, 'not-a-uuid');
    expect(notUuid.status).toBe(400);
    const listUnknown = await w.http.get('/v1/accounts/00000000-0000-4000-8000-000000000000/credentials').set('Authorization', bearer('auth'));
    expect(listUnknown.status).toBe(404);
  });
});

describe('password-age reminders', () => {
  let w: TestWarden;
  beforeAll(async () => {
    // Every active account's password is "old" when the limit is 0 days.
    w = await startWarden({ env: { PASSWORD_MAX_AGE_DAYS: '0' } });
  });
  afterAll(() => w.close());

  it('reminds each active account once per password, whatever the number of scans', async () => {
    const emails = [uniqueEmail('age-a'), uniqueEmail('age-b')];
    const accounts = [await verifiedAccount(w, emails[0]), await verifiedAccount(w, emails[1])];
    const pendingEmail = uniqueEmail('age-pending');
    const pending = (await register(w, pendingEmail)).body.accountId as string;
    // The accounts read model, which the scan reads, has caught up.
    const position = (await logIn(w, emails[1])).headers['x-event-position'] as string;
    expect((await supportGet(w, `/v1/accounts/${accounts[1]}`).set('X-Min-Position', position)).body.status).toBe('active');

    const job = w.warden.app!.get(PasswordAgeReminderJob);
    const first = await job.runScan();
    const second = await job.runScan();
    expect(first.candidates).toBeGreaterThanOrEqual(2);
    expect(second.reminded).toBe(0);

    for (const accountId of accounts) {
      expect((await streamTypes(w, accountId)).filter((t) => t === 'PasswordAgeReminded')).toHaveLength(1);
    }
    expect(await streamTypes(w, pending)).not.toContain('PasswordAgeReminded');

    for (const email of emails) {
      const mail = await mailTo(w, email, 'Your password is 0 days old');
      for (const part of [mail.text, mail.html]) {
        expect(part).toContain('Consider changing it');
        expect(part).toContain('http://warden.test/reset-password');
      }
    }
    await settled(w); // a second reminder, had there been one, would be in the outbox by now
    for (const email of emails) {
      expect(readOutbox(w.dataDir).filter((m) => m.to.includes(email) && m.subject.startsWith('Your password is'))).toHaveLength(1);
    }
    expect(readOutbox(w.dataDir).some((m) => m.to.includes(pendingEmail) && m.subject.startsWith('Your password is'))).toBe(false);
  });

  it('keeps the next daily tick on the durable queue', async () => {
    const stats = await w.warden.services.queue.stats(PASSWORD_AGE_QUEUE);
    // Tomorrow's tick, due at 00:00 UTC; today's ran at start (its id makes a rerun a no-op).
    expect(stats.delayed).toBe(1);
  });
});

describe('the daily password-age tick', () => {
  /** Waits until the password-age queue holds exactly these counts. */
  const ticksAt = (w: TestWarden, expected: { waiting: number; active: number; delayed: number }) =>
    until(`password-age queue at ${JSON.stringify(expected)}`, async () => {
      const { waiting, active, delayed } = await w.warden.services.queue.stats(PASSWORD_AGE_QUEUE);
      return waiting === expected.waiting && active === expected.active && delayed === expected.delayed ? true : undefined;
    });

  it('runs once per day: a restart on the same stores does not scan again', async () => {
    const env = { PASSWORD_MAX_AGE_DAYS: '0' };
    // Today's tick runs as the first worker starts, before any account exists.
    const first = await startWarden({ env });
    const email = uniqueEmail('age-restart');
    const accountId = await verifiedAccount(first, email);
    const position = (await logIn(first, email)).headers['x-event-position'] as string;
    expect((await supportGet(first, `/v1/accounts/${accountId}`).set('X-Min-Position', position)).body.status).toBe('active');
    await first.close();

    const second = await startWarden({ dataDir: first.dataDir, env });
    try {
      // The start enqueued today's tick again (a no-op, its id is taken) and tomorrow's: once
      // nothing is waiting or running, a due tick would have been claimed and scanned.
      await ticksAt(second, { waiting: 0, active: 0, delayed: 1 });
      expect(await streamTypes(second, accountId)).not.toContain('PasswordAgeReminded');
      // Positive control: the account was a candidate all along, so a scan does remind it.
      expect((await second.warden.app!.get(PasswordAgeReminderJob).runScan()).reminded).toBe(1);
      expect(await streamTypes(second, accountId)).toContain('PasswordAgeReminded');
      expect((await second.warden.services.queue.stats(PASSWORD_AGE_QUEUE)).delayed).toBe(1);
    } finally {
      await second.close();
    }
  }, 20_000);
});
