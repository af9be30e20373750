import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Response } from 'supertest';
import type { RecordedEvent } from '@warden/shared/envelope';
import { PERSONAL_FIELDS, type AccountEventType } from '@warden/account/account.events';
import type { HistoryLine } from '@warden/application/compliance/account-history';
import { Reservations } from '@warden/application/shared/reservations';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import { safeToken } from '@warden/infrastructure/mail/safe-token';
import { MAIL_QUEUE } from '@warden/mail/mail-job';
import { ACCOUNT_DELETION_QUEUE } from '@warden/projections/scheduler/account-deletion-job';
import { SESSIONS, type SessionDoc } from '@warden/projections/sessions/session-view';
import { formatUtc } from '../worker/mail/mail-format';
import { readOutbox, tokenFromLink } from '../testing/outbox';
import {
  asText,
  authPost,
  complianceGet,
  introspect,
  logIn,
  mailTo,
  register,
  signedIn,
  supportGet,
  supportPost,
  uniqueEmail,
  verifiedAccount,
} from '../testing/flows';
import { until } from '../testing/until';
import { bearer, startWarden, type TestWarden } from '../testing/warden-harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('suspension, appeals and deletion over HTTP', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden({ env: { UNIFORM_RESPONSE_MS: '0' } });
  });
  afterAll(() => w.close());

  const view = (accountId: string, minPosition?: string) => {
    const req = supportGet(w, `/v1/accounts/${accountId}`);
    return minPosition ? req.set('X-Min-Position', minPosition) : req;
  };
  const scheduleDeletion = (accountId: string, body: object) =>
    w.http.delete(`/v1/accounts/${accountId}`).set('Authorization', bearer('support')).set('X-Actor', 'agent-7').send(body);
  const appeal = (accountId: string, message = 'Those posts were not mine: someone used my password last week.') =>
    authPost(w, `/v1/accounts/${accountId}/appeals`, { message });
  const decide = (accountId: string, appealId: string, decision: string, note: string) =>
    supportPost(w, `/v1/accounts/${accountId}/appeals/${appealId}/decision`, { decision, note });
  const suspend = (accountId: string, policyRef: string, reason = 'internal: flagged by the spam classifier, case 881') =>
    supportPost(w, `/v1/accounts/${accountId}/suspend`, { reason, policyRef });
  const mailsTo = (email: string, subject: string) => readOutbox(w.dataDir).filter((m) => m.to.includes(email) && m.subject === subject);

  describe('suspension and appeals', () => {
    it('suspends (sessions end, logins refused, the owner is told how to appeal), then upholds and grants appeals', async () => {
      const email = uniqueEmail('suspended');
      const accountId = await verifiedAccount(w, email);
      const session = await signedIn(w, email);

      const early = await appeal(accountId);
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ error: 'invalid_state', details: { status: 'active' } });

      const policyRef = `ToS-4.2-${randomUUID().slice(0, 8)}`;
      const reason = 'internal: flagged by the spam classifier, case 881';
      const suspended = await suspend(accountId, policyRef, reason);
      expect(suspended.status).toBe(200);
      expect(suspended.body).toEqual({ accountId, status: 'suspended' });
      expect(suspended.headers['x-event-position']).toMatch(/^\d+/);

      expect((await introspect(w, session.sessionToken)).body).toEqual({ active: false });
      const refused = await logIn(w, email);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('account_suspended');

      const supportView = await view(accountId, suspended.headers['x-event-position']);
      expect(supportView.body).toMatchObject({ status: 'suspended', suspension: { reason, policyRef, since: expect.any(String) }, activeSessionCount: 0 });

      const notice = await mailTo(w, email, 'Your account was suspended');
      for (const part of [notice.text, notice.html]) {
        expect(part).toContain(policyRef);
        expect(part).toContain(accountId);
        expect(part).toContain('appeal');
        expect(part).not.toContain(reason);
      }

      const first = await appeal(accountId);
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ appealId: expect.stringMatching(UUID) });
      expect(first.headers['x-event-position']).toMatch(/^\d+/);
      const second = await appeal(accountId);
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ error: 'invalid_state', details: { status: 'suspended' } });

      const upholdNote = 'internal: the classifier was right, see case 881';
      const upheld = await decide(accountId, first.body.appealId, 'uphold', upholdNote);
      expect(upheld.status).toBe(200);
      expect(upheld.body).toEqual({ accountId, status: 'suspended' });
      const upheldMail = await mailTo(w, email, 'Your appeal was not accepted');
      expect(`${upheldMail.text}${upheldMail.html}`).not.toContain(upholdNote);
      expect(upheldMail.text).toContain('suspension stands');
      const again = await decide(accountId, first.body.appealId, 'reinstate', 'changed my mind');
      expect(again.status).toBe(404);
      expect(again.body.error).toBe('appeal_not_found');

      const renewed = await appeal(accountId, 'New information: here is the police report about the stolen laptop.');
      expect(renewed.status).toBe(201);
      expect(renewed.body.appealId).not.toBe(first.body.appealId);
      const grantNote = 'internal: police report checks out';
      const granted = await decide(accountId, renewed.body.appealId, 'reinstate', grantNote);
      expect(granted.status).toBe(200);
      expect(granted.body).toEqual({ accountId, status: 'active' });
      const grantedMail = await mailTo(w, email, 'Your appeal was accepted');
      expect(`${grantedMail.text}${grantedMail.html}`).not.toContain(grantNote);
      expect(grantedMail.text).toContain('you can sign in again');

      expect((await logIn(w, email)).status).toBe(200);
      expect((await view(accountId, granted.headers['x-event-position'])).body).toMatchObject({ status: 'active', suspension: null });
    });

    it('lets support reinstate directly, which settles an appeal still open so that a later suspension can be appealed', async () => {
      const email = uniqueEmail('reinstated');
      const accountId = await verifiedAccount(w, email);
      expect((await supportPost(w, `/v1/accounts/${accountId}/reinstate`, { reason: 'nothing to reinstate' })).body).toMatchObject({
        error: 'invalid_state',
        details: { status: 'active' },
      });

      expect((await suspend(accountId, 'AUP-1')).status).toBe(200);
      expect((await appeal(accountId)).status).toBe(201);
      const reinstated = await supportPost(w, `/v1/accounts/${accountId}/reinstate`, { reason: 'ticket 5120: reports were mistaken' });
      expect(reinstated.status).toBe(200);
      expect(reinstated.body).toEqual({ accountId, status: 'active' });
      expect((await logIn(w, email)).status).toBe(200);
      // The appeal was settled in the owner's favour: they hear that the suspension is over.
      await mailTo(w, email, 'Your appeal was accepted');

      expect((await suspend(accountId, 'AUP-2')).status).toBe(200);
      expect((await appeal(accountId)).status).toBe(201);
    });

    it('checks scopes and input', async () => {
      const accountId = randomUUID();
      const asAuth = await authPost(w, `/v1/accounts/${accountId}/suspend`, { reason: 'r', policyRef: 'p' });
      expect(asAuth.status).toBe(403);
      expect((await suspend(accountId, 'AUP-1')).body.error).toBe('account_not_found');
      const badDecision = await decide(accountId, randomUUID(), 'maybe', 'n');
      expect(badDecision.status).toBe(400);
      expect(badDecision.body.error).toBe('validation_failed');
      expect((await supportPost(w, `/v1/accounts/${accountId}/suspend`, { reason: 'r' })).body.error).toBe('validation_failed');
      expect((await scheduleDeletion(accountId, { reason: 'r', ticketRef: 't', graceDays: -1 })).status).toBe(400);
      expect((await scheduleDeletion(accountId, { reason: 'r', ticketRef: 't', graceDays: 1.5 })).status).toBe(400);
      expect((await scheduleDeletion(accountId, { reason: 'r', ticketRef: 't' })).body.error).toBe('account_not_found');
    });
  });

  describe('deletion', () => {
    it('schedules a deletion with a grace period, refuses logins meanwhile, and cancels back to the previous status', async () => {
      const email = uniqueEmail('grace');
      const accountId = await verifiedAccount(w, email);
      expect((await suspend(accountId, 'AUP-9')).status).toBe(200);

      const ticketRef = `SUP-${randomInt(10_000, 99_999)}`;
      const scheduled = await scheduleDeletion(accountId, { reason: 'owner asked for erasure', ticketRef, graceDays: 2 });
      expect(scheduled.status).toBe(202);
      expect(scheduled.body).toEqual({ accountId, status: 'deletion_scheduled' });
      expect((await view(accountId, scheduled.headers['x-event-position'])).body.status).toBe('deletion_scheduled');
      const refused = await logIn(w, email);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ error: 'invalid_state', details: { status: 'deletion_scheduled' } });
      expect((await scheduleDeletion(accountId, { reason: 'twice', ticketRef })).status).toBe(409);

      // The job waits in the queue for the end of the grace period, with ids and times only.
      const job = await until('the deletion job', async () => {
        const payloads = (await w.warden.services.queue.pendingPayloads(ACCOUNT_DELETION_QUEUE)) as { accountId: string; executeAt: string }[];
        return payloads.find((p) => p.accountId === accountId);
      });
      const due = Date.parse(job.executeAt) - Date.now();
      expect(due).toBeGreaterThan(2 * 86_400_000 - 60_000);
      expect(due).toBeLessThanOrEqual(2 * 86_400_000);
      expect(Object.keys(job).sort()).toEqual(['accountId', 'correlationId', 'executeAt']);

      const notice = await mailTo(w, email, 'Your account is scheduled for deletion');
      for (const part of [notice.text, notice.html]) {
        expect(part).toContain(formatUtc(job.executeAt));
        expect(part).toContain(ticketRef);
        expect(part).toContain('contact our support team');
        expect(part).not.toContain('owner asked for erasure');
      }

      const cancelled = await supportPost(w, `/v1/accounts/${accountId}/deletion/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toEqual({ accountId, status: 'suspended' });
      expect((await logIn(w, email)).body.error).toBe('account_suspended');
      expect((await supportPost(w, `/v1/accounts/${accountId}/deletion/cancel`)).body).toMatchObject({ error: 'invalid_state', details: { status: 'suspended' } });

      const active = await verifiedAccount(w, uniqueEmail('grace-active'));
      expect((await scheduleDeletion(active, { reason: 'r', ticketRef })).status).toBe(202);
      expect((await supportPost(w, `/v1/accounts/${active}/deletion/cancel`)).body).toEqual({ accountId: active, status: 'active' });
    });

    describe('with graceDays 0, run by the worker at once', () => {
      const tag = randomUUID();
      const email = `zed.${tag}@example.org`;
      const displayName = `Zed Unique-${tag}`;
      const username = `zed-${tag.slice(0, 8)}`;
      const client = { ip: `198.51.100.${randomInt(1, 255)}`, userAgent: `UA-${tag}`, deviceId: `device-${tag}` };
      const personal = [email, displayName, username, client.ip, client.userAgent, client.deviceId];
      let accountId: string;
      let sessionToken: string;
      let eventsBeforeShredding: number | undefined;
      let stored: RecordedEvent[];
      let deleted: RecordedEvent;

      beforeAll(async () => {
        const registered = await register(w, email, { displayName, username, context: client });
        expect(registered.status).toBe(201);
        accountId = registered.body.accountId as string;
        const verification = await mailTo(w, email, 'Confirm your email address');
        expect((await authPost(w, '/v1/email-verifications/confirm', { token: tokenFromLink(verification.text, 'verify-email') })).status).toBe(200);
        sessionToken = (await signedIn(w, email, undefined, client)).sessionToken;
        await logIn(w, email, 'Wrong7Password!', client); // a failure, recorded with the client too
        expect((await suspend(accountId, 'AUP-3')).status).toBe(200);
        expect((await authPost(w, `/v1/accounts/${accountId}/appeals`, { message: `Please, ${displayName} here`, context: client })).status).toBe(201);

        // Count the stream at the very moment the key is destroyed, and once it is.
        const events = w.warden.services.events;
        const keyring = w.warden.app!.get(DataKeyring);
        const destroy = keyring.destroy.bind(keyring);
        let shredded!: () => void;
        const keyDestroyed = new Promise<void>((resolve) => (shredded = resolve));
        const spy = jest.spyOn(keyring, 'destroy').mockImplementation(async (id, at) => {
          if (id === accountId) eventsBeforeShredding = (await events.readStream(accountStream(id))).length;
          await destroy(id, at);
          if (id === accountId) shredded();
        });
        try {
          const scheduled = await scheduleDeletion(accountId, { reason: 'owner asked for erasure', ticketRef: 'SUP-1', graceDays: 0 });
          expect(scheduled.status).toBe(202);
          expect(scheduled.body).toEqual({ accountId, status: 'deletion_scheduled' });
          await until('the deleted status', async () => ((await view(accountId)).body.status === 'deleted' ? true : undefined));
          await keyDestroyed;
        } finally {
          spy.mockRestore();
        }
        stored = await events.readStream(accountStream(accountId));
        deleted = stored[stored.length - 1];
      }, 30_000);

      it('destroys the key before AccountDeleted is stored, then keeps every event', async () => {
        // At the moment of destruction: everything but the deletion's own events (sessions,
        // credentials ended, AccountDeleted), which follow once the key is gone.
        const deletionEvents = stored.slice(eventsBeforeShredding);
        expect(deletionEvents.map((e) => e.type)).toEqual([...deletionEvents.slice(0, -1).map(() => 'SessionRevoked'), 'AccountDeleted']);
        expect(deleted.type).toBe('AccountDeleted');
        expect(deleted.metadata.actor).toEqual({ type: 'system', id: 'account-deletion' });
        expect(stored.filter((e) => e.type === 'SessionRevoked' && e.data.reason === 'account_suspended')).toHaveLength(1);
        expect(await w.warden.app!.get(DataKeyring).get(accountId)).toEqual({ state: 'destroyed' });
      });

      it('sends the account-deleted mail to the address as it was, once, as the schedule event\'s second mail', () => {
        const farewells = mailsTo(email, 'Your account was deleted');
        expect(farewells).toHaveLength(1);
        const scheduledEvent = stored.find((e) => e.type === 'AccountDeletionScheduled')!;
        expect(basename(farewells[0].file)).toBe(`${safeToken(`${scheduledEvent.eventId}:account-deleted`)}.eml`);
        expect(farewells[0].text).toContain(`Hello ${displayName},`);
        expect(farewells[0].html).toContain('deleted');
        // No "you can still cancel" notice for a deletion without a grace period.
        expect(mailsTo(email, 'Your account is scheduled for deletion')).toHaveLength(0);
      });

      it('answers the compliance history with every event, every personal field "[erased]", and an intact chain', async () => {
        const history: Response = await asText(complianceGet(w, `/v1/compliance/accounts/${accountId}/history`));
        expect(history.status).toBe(200);
        const lines = (history.body as string).split('\n').filter(Boolean).map((l) => JSON.parse(l) as HistoryLine);
        expect(lines.map((l) => l.eventId)).toEqual(stored.map((e) => e.eventId));
        let erasedFields = 0;
        for (const line of lines) {
          for (const field of PERSONAL_FIELDS[line.type as AccountEventType]) {
            const value = line.data[field];
            if (value === null || value === undefined) continue;
            expect({ type: line.type, field, value }).toEqual({ type: line.type, field, value: ERASED });
            erasedFields++;
          }
          if (line.client) expect(line.client).toEqual({ ip: ERASED, userAgent: ERASED, deviceId: ERASED });
        }
        expect(erasedFields).toBeGreaterThanOrEqual(8);
        expect(lines.filter((l) => l.client).length).toBeGreaterThanOrEqual(3);
        expect(history.body as string).not.toContain(tag);
        const integrity = await complianceGet(w, `/v1/compliance/accounts/${accountId}/integrity`);
        expect(integrity.body).toMatchObject({ valid: true, events: stored.length });
      });

      it('shows "[erased]" in the read models: support view, sessions, audit and activity', async () => {
        const atDeletion = deleted.position;
        const supportView = await view(accountId, atDeletion);
        expect(supportView.body).toMatchObject({ status: 'deleted', email: ERASED, username: ERASED, displayName: ERASED, activeSessionCount: 0 });
        const sessions = await supportGet(w, `/v1/accounts/${accountId}/sessions`).set('X-Min-Position', atDeletion);
        expect(sessions.body).toEqual({ sessions: [] });
        expect((await introspect(w, sessionToken)).body).toEqual({ active: false });
        const sessionDocs = await w.warden.services.read.collection<SessionDoc>(SESSIONS).find({ accountId });
        expect(sessionDocs).toHaveLength(1);
        expect(sessionDocs[0]).toMatchObject({ active: false, ip: ERASED, userAgent: ERASED, deviceId: ERASED });
        const audit = await supportGet(w, `/v1/accounts/${accountId}/audit?limit=100`).set('X-Min-Position', atDeletion);
        expect(audit.status).toBe(200);
        const withClient = (audit.body.entries as { ip: string | null; userAgent: string | null }[]).filter((e) => e.ip !== null || e.userAgent !== null);
        expect(withClient.length).toBeGreaterThanOrEqual(3);
        for (const entry of withClient) expect(entry).toMatchObject({ ip: ERASED, userAgent: ERASED });
        const activity = await w.http
          .get(`/v1/accounts/${accountId}/activity?limit=100`)
          .set('Authorization', bearer('auth'))
          .set('X-Min-Position', atDeletion);
        expect(activity.status).toBe(200);
        const located = (activity.body.entries as { ip: string | null; device: string | null }[]).filter((e) => e.ip !== null || e.device !== null);
        expect(located.length).toBeGreaterThanOrEqual(1);
        for (const entry of located) expect(entry).toMatchObject({ ip: ERASED, device: ERASED });
        expect(JSON.stringify([supportView.body, sessions.body, sessionDocs, audit.body, activity.body])).not.toContain(tag);
      });

      it('leaves no personal data in any pending job', async () => {
        const pending = JSON.stringify([
          await w.warden.services.queue.pendingPayloads(MAIL_QUEUE),
          await w.warden.services.queue.pendingPayloads(ACCOUNT_DELETION_QUEUE),
        ]);
        expect(personal.filter((value) => pending.includes(value))).toEqual([]);
      });

      it('leaves nothing of it in clear in the files of the stores (the outbox holds mail by design)', () => {
        const files = ['events.db', 'read-models.db', 'jobs.db', 'keys.db'].flatMap((db) => [db, `${db}-wal`]).filter((f) => existsSync(join(w.dataDir, f)));
        expect(files).toEqual(expect.arrayContaining(['events.db', 'read-models.db', 'jobs.db', 'keys.db']));
        const contents = files.map((file) => ({ file, bytes: readFileSync(join(w.dataDir, file)).toString('latin1') }));
        expect(contents.map((c) => c.bytes).join('\n')).toContain(accountId); // the scan does read the stores
        const leaks = contents.flatMap(({ file, bytes }) => personal.filter((value) => bytes.includes(value)).map((value) => `${file}: ${value}`));
        expect(leaks).toEqual([]);
      });

      it('frees the email and the username for a new account, and takes no more commands', async () => {
        const again = await register(w, email.toUpperCase(), { username });
        expect(again.status).toBe(201);
        expect(again.body.accountId).not.toBe(accountId);
        expect((await logIn(w, email)).body.error).toBe('email_not_verified');
        // Nothing more may be written about the person.
        expect((await suspend(accountId, 'AUP-4')).body).toMatchObject({ error: 'invalid_state', details: { status: 'deleted' } });
        expect((await scheduleDeletion(accountId, { reason: 'again', ticketRef: 'SUP-2' })).body).toMatchObject({ error: 'invalid_state' });
      });
    });

    it('finishes an erasure interrupted between its steps when the job is tried again', async () => {
      const email = uniqueEmail('interrupted');
      const accountId = await verifiedAccount(w, email);
      const reservations = w.warden.app!.get(Reservations, { strict: false });
      const release = reservations.release.bind(reservations);
      let failures = 0;
      const spy = jest.spyOn(reservations, 'release').mockImplementation(async (kind, value, id, meta) => {
        // The worker "crashes" after the farewell mail, before the email is given back.
        if (id === accountId && failures === 0) {
          failures++;
          throw new Error('simulated crash');
        }
        return release(kind, value, id, meta);
      });
      try {
        expect((await scheduleDeletion(accountId, { reason: 'r', ticketRef: 'SUP-3', graceDays: 0 })).status).toBe(202);
        const keyring = w.warden.app!.get(DataKeyring);
        await until('the erasure', async () => ((await keyring.get(accountId))?.state === 'destroyed' ? true : undefined));
      } finally {
        spy.mockRestore();
      }
      expect(failures).toBe(1);
      expect(mailsTo(email, 'Your account was deleted')).toHaveLength(1);
      const again = await register(w, email);
      expect(again.status).toBe(201);
    }, 30_000);
  });
});
