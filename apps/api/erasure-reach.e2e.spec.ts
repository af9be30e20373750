import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as bcrypt from 'bcrypt';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import { tokenFromLink } from '../testing/outbox';
import { asText, authPost, complianceGet, mailTo, PASSWORD, register, signedIn, uniqueEmail, verifiedAccount } from '../testing/flows';
import { bearer, CLIENT, startWarden, type TestWarden } from '../testing/warden-harness';
import { until } from '../testing/until';

/**
 * Issue 10 §1: erasure reaches every copy of an account's personal data — idempotent
 * replays, password hashes, the moment AccountDeleted becomes visible, and the files'
 * permissions.
 */
describe('erasure reaches every copy', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden();
  });
  afterAll(() => w.close());

  const support = (method: 'delete' | 'post', path: string) => w.http[method](path).set('Authorization', bearer('support')).set('X-Actor', 'agent-7');
  const historyText = async (accountId: string) => (await asText(complianceGet(w, `/v1/compliance/accounts/${accountId}/history`))).body as string;

  async function deleteNow(accountId: string): Promise<void> {
    expect((await support('delete', `/v1/accounts/${accountId}`).send({ reason: 'owner asked', ticketRef: 'SUP-9', graceDays: 0 })).status).toBe(202);
    const keyring = w.warden.app!.get(DataKeyring);
    await until('the erasure', async () => ((await keyring.get(accountId, { fresh: true }))?.state === 'destroyed' ? true : undefined));
    await until('AccountDeleted', async () => ((await historyText(accountId)).includes('"AccountDeleted"') ? true : undefined));
  }

  it('never replays an erased account\'s TOTP secret, otpauth URI or email for an Idempotency-Key', async () => {
    const email = uniqueEmail('replay');
    const accountId = await verifiedAccount(w, email);
    const enrol = () => w.http.post(`/v1/accounts/${accountId}/totp/enrollments`).set('Authorization', bearer('auth')).set('Idempotency-Key', 'enrol-1').send({});
    const first = await enrol();
    expect(first.status).toBe(201);
    const { secret, otpauthUri } = first.body as { secret: string; otpauthUri: string };
    const replay = await enrol();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual({ secret, otpauthUri });

    await deleteNow(accountId);
    const afterErasure = await enrol();
    expect(afterErasure.status).toBeGreaterThanOrEqual(400);
    expect(afterErasure.status).toBeLessThan(500);
    expect(afterErasure.headers['idempotent-replayed']).toBeUndefined();
    const leaked = JSON.stringify(afterErasure.body);
    for (const value of [secret, otpauthUri, email, encodeURIComponent(email)]) expect(leaked).not.toContain(value);
  });

  it('keeps password hashes only encrypted, never shows one in the history, and reads a v1 clear hash until erasure', async () => {
    // A new account through the API: no bcrypt hash may reach any store file.
    const email = uniqueEmail('hash');
    const accountId = await verifiedAccount(w, email);
    const { sessionId } = await signedIn(w, email);
    const changed = await authPost(w, `/v1/accounts/${accountId}/password`, { currentPassword: PASSWORD, newPassword: 'Another9Horse', keepSessionId: sessionId });
    expect(changed.status).toBe(204);
    await authPost(w, '/v1/password-resets', { email, context: CLIENT });
    const reset = tokenFromLink((await mailTo(w, email, 'Reset your password')).text, 'reset-password');
    expect((await authPost(w, '/v1/password-resets/complete', { token: reset, newPassword: 'Third9Horse!' })).status).toBe(200);
    expect(await historyText(accountId)).not.toContain('$2b$');
    expect(['events.db', 'events.db-wal', 'read-models.db', 'read-models.db-wal'].some((f) => fileText(f).includes('$2b$'))).toBe(false);

    // An account an older release wrote: v1 events with the hash in clear.
    const old = randomUUID();
    const oldHash = await bcrypt.hash('Older7Password', 4);
    const meta = { correlationId: randomUUID(), causationId: randomUUID(), actor: { type: 'system' as const, id: 'migration' } };
    const v1 = (type: string, data: Record<string, unknown>) => ({ eventId: randomUUID(), type, schemaVersion: 1, occurredAt: new Date().toISOString(), data, metadata: meta });
    await w.warden.services.events.append(
      accountStream(old),
      [
        v1('AccountRegistered', { accountId: old, email: `${old}@example.com`, username: null, displayName: 'Old Timer', passwordHash: oldHash, origin: null }),
        v1('EmailVerified', { email: `${old}@example.com` }),
      ],
      'no_stream',
    );
    // The clear hash still works (the upcaster reads it), and is never shown.
    const oldChange = await authPost(w, `/v1/accounts/${old}/password`, { currentPassword: 'Older7Password', newPassword: 'Newer7Password' });
    expect(oldChange.status).toBe(204);
    const shown = await historyText(old);
    expect(shown).not.toContain('$2b$');
    expect(shown.split('\n').filter(Boolean).map((l) => JSON.parse(l).data.passwordHash).filter(Boolean)).toEqual(['[redacted]', '[redacted]']);

    await deleteNow(old);
    const lines = (await historyText(old)).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.data.passwordHash).filter(Boolean)).toEqual([ERASED, ERASED]);
    expect(lines[0].data.email).toBe(ERASED);
  });

  it('destroys the key before AccountDeleted becomes visible: no history read shows both', async () => {
    const tag = randomUUID();
    const email = `erase.${tag}@example.com`;
    const registered = await register(w, email, { displayName: `Zoe ${tag}` });
    const accountId = registered.body.accountId as string;
    await mailTo(w, email, 'Confirm your email address');

    // A reader racing the deletion, and one more read at the very moment the key goes.
    const reads: string[] = [];
    let deleting = true;
    const reader = (async () => {
      while (deleting) reads.push(await historyText(accountId));
    })();
    const keyring = w.warden.app!.get(DataKeyring);
    const destroy = keyring.destroy.bind(keyring);
    const spy = jest.spyOn(keyring, 'destroy').mockImplementation(async (id, at) => {
      if (id === accountId) reads.push(await historyText(accountId));
      return destroy(id, at);
    });
    try {
      await deleteNow(accountId);
    } finally {
      spy.mockRestore();
      deleting = false;
      await reader;
    }
    reads.push(await historyText(accountId));
    const withDeletion = reads.filter((text) => text.includes('"AccountDeleted"'));
    expect(withDeletion.length).toBeGreaterThanOrEqual(1);
    for (const text of withDeletion) expect(text).not.toContain(tag);
    expect(reads.some((text) => text.includes(tag))).toBe(true); // the reader did see the living account
  });

  it('creates every store file 0600 and every folder 0700', async () => {
    const email = uniqueEmail('modes');
    expect((await register(w, email)).status).toBe(201);
    await mailTo(w, email, 'Confirm your email address');
    const wrong: string[] = [];
    const walk = (dir: string) => {
      const mode = statSync(dir).mode & 0o777;
      if (mode !== 0o700) wrong.push(`${dir}: ${mode.toString(8)}`);
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if ((statSync(path).mode & 0o777) !== 0o600) wrong.push(`${path}: ${(statSync(path).mode & 0o777).toString(8)}`);
      }
    };
    walk(w.dataDir);
    const names = readdirSync(w.dataDir);
    expect(names).toEqual(expect.arrayContaining(['events.db', 'read-models.db', 'keys.db', 'jobs.db', 'outbox']));
    expect(wrong).toEqual([]);
  });

  function fileText(name: string): string {
    try {
      return readFileSync(join(w.dataDir, name)).toString('latin1');
    } catch {
      return '';
    }
  }
});
