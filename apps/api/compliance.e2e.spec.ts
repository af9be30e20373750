import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Response } from 'supertest';
import type { HistoryLine } from '@warden/application/compliance/account-history';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import { GENESIS_HASH } from '@warden/infrastructure/event-store/hash-chain';
import { bearer, CLIENT, startWarden, type TestWarden } from '../testing/warden-harness';
import { asText, authPost, complianceGet, signedIn, supportPost, uniqueEmail, verifiedAccount } from '../testing/flows';

const lastFolded = (lines: HistoryLine[], asOf: string) =>
  Math.max(...lines.filter((l) => Date.parse(l.occurredAt) <= Date.parse(asOf)).map((l) => l.revision));

describe('compliance over HTTP', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden();
  });
  afterAll(() => w.close());

  const get = (path: string) => complianceGet(w, path);
  const historyOf = async (accountId: string, query = '') => {
    const res: Response = await asText(get(`/v1/compliance/accounts/${accountId}/history${query}`));
    const text = res.body as string;
    return { res, text, lines: res.status === 200 ? text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as HistoryLine) : [] };
  };
  const stateOf = (accountId: string, asOf?: string) =>
    get(`/v1/compliance/accounts/${accountId}/state${asOf === undefined ? '' : `?asOf=${encodeURIComponent(asOf)}`}`);
  const integrityOf = (accountId: string) => get(`/v1/compliance/accounts/${accountId}/integrity`);

  /** An account with a session started and ended: AccountRegistered … SessionStarted … SessionRevoked. */
  async function accountWithEndedSession() {
    const email = uniqueEmail('compliance');
    const accountId = await verifiedAccount(w, email);
    const session = await signedIn(w, email);
    const logout = await authPost(w, '/v1/sessions/logout', { sessionToken: session.sessionToken });
    expect(logout.status).toBe(204);
    return { email, accountId, session };
  }

  /** Direct access to the embedded event store's file, behind the app's back. */
  function tamper(change: (db: Database.Database, streamId: string) => void, accountId: string): void {
    const db = new Database(join(w.dataDir, 'events.db'));
    try {
      db.transaction(() => change(db, accountStream(accountId)))();
    } finally {
      db.close();
    }
  }

  it('streams every event oldest first as NDJSON, decrypted, with the hash chain', async () => {
    const { email, accountId, session } = await accountWithEndedSession();
    const { res, text, lines } = await historyOf(accountId);

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(text.endsWith('\n')).toBe(true);
    expect(lines.map((l) => l.revision)).toEqual(lines.map((_, i) => i));
    expect(lines.map((l) => l.type)).toEqual(expect.arrayContaining(['AccountRegistered', 'EmailVerified', 'SessionStarted', 'SessionRevoked']));
    for (let i = 1; i < lines.length; i++) {
      expect(lines[i].position > lines[i - 1].position).toBe(true);
      expect(lines[i].prevHash).toBe(lines[i - 1].hash);
      expect(Date.parse(lines[i].occurredAt)).toBeGreaterThanOrEqual(Date.parse(lines[i - 1].occurredAt));
    }
    expect(lines[0].prevHash).toBe(GENESIS_HASH);

    const registered = lines[0];
    expect(registered).toMatchObject({
      type: 'AccountRegistered',
      schemaVersion: 2,
      actor: { type: 'service', id: 'frontend' },
      client: { ip: CLIENT.ip, userAgent: CLIENT.userAgent, deviceId: CLIENT.deviceId },
      data: { accountId, email, displayName: 'Ann Lee' },
    });
    expect(Object.keys(registered)).toEqual(
      expect.arrayContaining(['revision', 'position', 'eventId', 'type', 'schemaVersion', 'occurredAt', 'actor', 'correlationId', 'causationId', 'data', 'hash', 'prevHash']),
    );
    expect(registered.correlationId).toEqual(expect.any(String));
    // Decrypted for the reviewer: no sealed value is left anywhere in the history.
    expect(text).not.toContain('enc:v1:');
    const revoked = lines.find((l) => l.type === 'SessionRevoked')!;
    expect(revoked.data).toMatchObject({ sessionId: session.sessionId, reason: 'logout' });
  });

  it('is for the compliance scope, with X-Actor', async () => {
    const { accountId } = await accountWithEndedSession();
    for (const path of ['history', 'state', 'integrity']) {
      const url = `/v1/compliance/accounts/${accountId}/${path}`;
      const asAuth = await w.http.get(url).set('Authorization', bearer('auth')).set('X-Actor', 'someone');
      expect(asAuth.status).toBe(403);
      expect(asAuth.body.error).toBe('forbidden');
      const asSupport = await w.http.get(url).set('Authorization', bearer('support')).set('X-Actor', 'agent-7');
      expect(asSupport.status).toBe(403);
      const noActor = await w.http.get(url).set('Authorization', bearer('compliance'));
      expect(noActor.status).toBe(400);
      expect(noActor.body.error).toBe('validation_failed');
      expect((await w.http.get(url)).status).toBe(401);
    }
  });

  it('answers unknown accounts and bad input with JSON errors before streaming anything', async () => {
    const unknown = randomUUID();
    const { res } = await historyOf(unknown);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body as string)).toMatchObject({ error: 'account_not_found' });
    expect((await stateOf(unknown)).body.error).toBe('account_not_found');
    expect((await integrityOf(unknown)).body.error).toBe('account_not_found');

    const badId = await get('/v1/compliance/accounts/not-a-uuid/history');
    expect(badId.status).toBe(400);
    expect(badId.body.error).toBe('validation_failed');
    const unknownParam = await get(`/v1/compliance/accounts/${unknown}/history?verbose=1`);
    expect(unknownParam.status).toBe(400);
    expect(unknownParam.headers['content-type']).toMatch(/^application\/json/);
  });

  it('rebuilds the account as it stood at an instant', async () => {
    const { email, accountId, session } = await accountWithEndedSession();
    const { lines } = await historyOf(accountId);
    const at = (type: string) => lines.find((l) => l.type === type)!.occurredAt;

    const pending = await stateOf(accountId, at('AccountRegistered'));
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({
      accountId,
      status: 'pending_verification',
      email,
      username: null,
      displayName: 'Ann Lee',
      emailVerified: false,
      totpEnabled: false,
      passwordDisabled: false,
      lock: null,
      suspension: null,
      deletion: null,
      sessions: [],
      lastLoginAt: null,
      asOf: at('AccountRegistered'),
      revision: lastFolded(lines, at('AccountRegistered')),
    });

    const live = await stateOf(accountId, at('SessionStarted'));
    expect(live.body).toMatchObject({ status: 'active', emailVerified: true, lastLoginAt: at('LoginSucceeded') });
    expect(live.body.sessions).toEqual([
      { sessionId: session.sessionId, startedAt: at('SessionStarted'), expiresAt: session.expiresAt, lastSeenAt: at('SessionStarted') },
    ]);
    expect(live.body.revision).toBe(lastFolded(lines, at('SessionStarted')));

    const loggedOut = await stateOf(accountId, at('SessionRevoked'));
    expect(loggedOut.body.sessions).toEqual([]);
    expect(loggedOut.body.status).toBe('active');

    // Without asOf: now, every event folded.
    const now = await stateOf(accountId);
    expect(now.body.revision).toBe(lines.length - 1);
    expect(Math.abs(Date.parse(now.body.asOf) - Date.now())).toBeLessThan(60_000);

    // A view of facts, never of secrets.
    const keys = JSON.stringify([pending.body, live.body, now.body]);
    expect(keys).not.toMatch(/passwordHash|tokenHash|totpSecret|recoveryCodes|\$2[aby]\$/);
    expect(Object.keys(now.body).sort()).toEqual(
      ['accountId', 'asOf', 'deletion', 'displayName', 'email', 'emailVerified', 'lastLoginAt', 'lock', 'passwordDisabled', 'revision', 'sessions', 'status', 'suspension', 'totpEnabled', 'username'].sort(),
    );

    // Later facts show up in a later view, earlier views stay as they were.
    const suspended = await supportPost(w, `/v1/accounts/${accountId}/suspend`, { reason: 'ticket 1', policyRef: 'ToS 4.2' });
    expect(suspended.status).toBe(200);
    const afterSuspension = await stateOf(accountId);
    expect(afterSuspension.body).toMatchObject({ status: 'suspended', suspension: { reason: 'ticket 1', policyRef: 'ToS 4.2' } });
    expect((await stateOf(accountId, now.body.asOf)).body).toEqual(now.body);

    const before = new Date(Date.parse(at('AccountRegistered')) - 1000).toISOString();
    const tooEarly = await stateOf(accountId, before);
    expect(tooEarly.status).toBe(404);
    expect(tooEarly.body.error).toBe('account_not_found');

    for (const bad of ['yesterday', '2025-13-01T00:00:00Z', '2025-02-30T00:00:00Z', '2025-01-01T10:00:00', '']) {
      const invalid = await stateOf(accountId, bad);
      expect(invalid.status).toBe(400);
      expect(invalid.body).toMatchObject({ error: 'validation_failed', details: [{ field: 'asOf', message: expect.any(String) }] });
    }

    // history ?asOf= stops at the same instant.
    const upToLogin = await historyOf(accountId, `?asOf=${encodeURIComponent(at('SessionStarted'))}`);
    expect(upToLogin.lines.map((l) => l.revision)).toEqual(lines.filter((l) => l.occurredAt <= at('SessionStarted')).map((l) => l.revision));
  });

  it('verifies the hash chain over the stored events, erased ones too', async () => {
    const { accountId } = await accountWithEndedSession();
    const { lines } = await historyOf(accountId);
    const res = await integrityOf(accountId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ valid: true, events: lines.length, headHash: lines[lines.length - 1].hash });

    // Crypto-shredding: personal fields read "[erased]", the chain (over the stored form) still holds.
    await w.warden.app!.get(DataKeyring).destroy(accountId, new Date());
    const erased = await historyOf(accountId);
    expect(erased.lines[0].data.email).toBe('[erased]');
    expect(erased.lines[0].client?.ip).toBe('[erased]');
    expect(erased.lines.map((l) => l.hash)).toEqual(lines.map((l) => l.hash));
    expect((await integrityOf(accountId)).body).toEqual(res.body);
  });

  it('detects an edited event', async () => {
    const { accountId } = await accountWithEndedSession();
    expect((await integrityOf(accountId)).body.valid).toBe(true);
    tamper((db, stream) => {
      const changed = db
        .prepare(`UPDATE events SET data = json_set(data, '$.expiresAt', '2099-01-01T00:00:00.000Z') WHERE stream_id = ? AND revision = 1`)
        .run(stream);
      expect(changed.changes).toBe(1);
    }, accountId);
    const res = await integrityOf(accountId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ valid: false, brokenAt: { revision: 1, eventId: expect.any(String), reason: 'hash_mismatch' } });
  });

  it('detects a removed event', async () => {
    const { accountId } = await accountWithEndedSession();
    const { lines } = await historyOf(accountId);
    tamper((db, stream) => {
      expect(db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 2').run(stream).changes).toBe(1);
    }, accountId);
    const res = await integrityOf(accountId);
    expect(res.body).toEqual({ valid: false, brokenAt: { revision: 2, eventId: lines[3].eventId, reason: 'revision_gap' } });
  });

  it('detects two events swapped', async () => {
    const { accountId } = await accountWithEndedSession();
    const { lines } = await historyOf(accountId);
    tamper((db, stream) => {
      const move = db.prepare('UPDATE events SET revision = ? WHERE stream_id = ? AND revision = ?');
      move.run(-1, stream, 1);
      move.run(1, stream, 2);
      move.run(2, stream, -1);
    }, accountId);
    const reordered = await historyOf(accountId);
    expect(reordered.lines.map((l) => l.eventId).slice(0, 3)).toEqual([lines[0].eventId, lines[2].eventId, lines[1].eventId]);
    const res = await integrityOf(accountId);
    expect(res.body).toEqual({ valid: false, brokenAt: { revision: 1, eventId: lines[2].eventId, reason: 'prev_hash_mismatch' } });
  });

  it('upcasts an old schema version when reading', async () => {
    const accountId = randomUUID();
    const occurredAt = new Date(Date.now() - 60_000).toISOString();
    // A v0 AccountRegistered (before usernames and sign-in origins), as an old release wrote it.
    await w.warden.services.events.append(
      accountStream(accountId),
      [
        {
          eventId: randomUUID(),
          type: 'AccountRegistered',
          schemaVersion: 0,
          occurredAt,
          data: { accountId, email: 'old-timer@example.com', displayName: 'Old Timer', passwordHash: '$2b$04$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012' },
          metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor: { type: 'system', id: 'migration' } },
        },
      ],
      'no_stream',
    );
    const { lines } = await historyOf(accountId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      revision: 0,
      type: 'AccountRegistered',
      schemaVersion: 2,
      occurredAt,
      actor: { type: 'system', id: 'migration' },
      data: { accountId, email: 'old-timer@example.com', displayName: 'Old Timer', username: null, origin: null },
    });
    expect(lines[0]).not.toHaveProperty('client');
    // The old event's clear password hash is never shown (issue 10).
    expect(lines[0].data.passwordHash).toBe('[redacted]');

    const state = await stateOf(accountId, occurredAt);
    expect(state.body).toMatchObject({ accountId, status: 'pending_verification', email: 'old-timer@example.com', username: null, revision: 0 });
    // The chain covers the event as stored (v0), not the upcast form.
    expect((await integrityOf(accountId)).body).toEqual({ valid: true, events: 1, headHash: lines[0].hash });
  });
});
