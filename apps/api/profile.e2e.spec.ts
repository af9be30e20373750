import { randomBytes } from 'node:crypto';
import { readOutbox, tokenFromLink } from '../testing/outbox';
import { authPost, logIn, mailTo, PASSWORD, register, supportGet, uniqueEmail, verifiedAccount } from '../testing/flows';
import { bearer, CLIENT, startWarden, type TestWarden } from '../testing/warden-harness';

const CONFIRM_SUBJECT = 'Confirm your new email address';
const NOTICE_SUBJECT = 'A change of your email address was requested';
const NEW_PASSWORD = 'Brand9NewSecret';

/** A username no other test (or run) uses: 3–32 letters, digits, dots, dashes, underscores. */
const uniqueUsername = (label: string) => `${label}-${randomBytes(5).toString('hex')}`;

describe('profile over HTTP: display name, username, username locks, email change', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden({ env: { UNIFORM_RESPONSE_MS: '20' } });
  });
  afterAll(() => w.close());

  const auth = (method: 'patch' | 'put', path: string, body: object) => w.http[method](path).set('Authorization', bearer('auth')).send(body);
  const changeDisplayName = (accountId: string, displayName: unknown) => auth('patch', `/v1/accounts/${accountId}/profile`, { displayName });
  const changeUsername = (accountId: string, username: string) => auth('put', `/v1/accounts/${accountId}/username`, { username });
  const lockUsername = (username: string, body: object = { reason: 'brand name, ticket 4711' }) =>
    w.http.put(`/v1/usernames/${encodeURIComponent(username)}/lock`).set('Authorization', bearer('support')).set('X-Actor', 'agent-7').send(body);
  const unlockUsername = (username: string) =>
    w.http.delete(`/v1/usernames/${encodeURIComponent(username)}/lock`).set('Authorization', bearer('support')).set('X-Actor', 'agent-7');
  const requestEmailChange = (accountId: string, newEmail: string, password = PASSWORD) =>
    authPost(w, `/v1/accounts/${accountId}/email-changes`, { newEmail, password });
  const confirmEmailChange = (token: string) => authPost(w, '/v1/email-changes/confirm', { token });

  /** The support view once the read model has caught up with `position`. */
  const supportView = (accountId: string, position: string) => supportGet(w, `/v1/accounts/${accountId}`).set('X-Min-Position', position);
  const findBy = (query: string, position: string) => supportGet(w, `/v1/support/accounts?${query}`).set('X-Min-Position', position);

  async function registered(extra: Record<string, unknown> = {}): Promise<string> {
    const res = await register(w, uniqueEmail('profile'), extra);
    if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accountId as string;
  }

  describe('display name', () => {
    it('changes it, trimmed, and the support view shows it (read-your-writes)', async () => {
      const email = uniqueEmail('rename');
      const accountId = await verifiedAccount(w, email);
      const res = await changeDisplayName(accountId, '  Ann B. Lee ');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accountId, status: 'active' });
      expect(res.headers['x-event-position']).toMatch(/^\d+/);

      const view = await supportView(accountId, res.headers['x-event-position']);
      expect(view.status).toBe(200);
      expect(view.body.displayName).toBe('Ann B. Lee');
    });

    it('refuses a blank or missing name, unknown fields, and an unknown account', async () => {
      const accountId = await registered();
      for (const body of [{ displayName: '   ' }, {}, { displayName: 'x'.repeat(101) }, { displayName: 'Ann', email: 'x@example.com' }]) {
        const res = await auth('patch', `/v1/accounts/${accountId}/profile`, body);
        expect(res.status).toBe(400);
        expect(res.body.error).toBe('validation_failed');
      }
      const unknown = await changeDisplayName('6f1c2a8e-4b7d-4e0a-9c3f-2d5b8a1e7f40', 'Ann');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toBe('account_not_found');
    });

    it('needs the auth scope', async () => {
      const accountId = await registered();
      const res = await w.http.patch(`/v1/accounts/${accountId}/profile`).set('Authorization', bearer('support')).set('X-Actor', 'a').send({ displayName: 'X' });
      expect(res.status).toBe(403);
    });
  });

  describe('username', () => {
    it('sets one, changes it, and frees the old one for another account', async () => {
      const ann = await registered();
      const bob = await registered();
      const first = uniqueUsername('ann');
      const second = uniqueUsername('annlee');

      const set = await changeUsername(ann, first);
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ accountId: ann, status: 'pending_verification' });
      expect((await supportView(ann, set.headers['x-event-position'])).body.username).toBe(first);

      const taken = await changeUsername(bob, first);
      expect(taken.status).toBe(409);
      expect(taken.body.error).toBe('username_taken');

      const changed = await changeUsername(ann, second);
      expect(changed.status).toBe(200);
      const found = await findBy(`username=${second}`, changed.headers['x-event-position']);
      expect(found.body.accounts.map((a: { accountId: string }) => a.accountId)).toEqual([ann]);

      const freed = await changeUsername(bob, first);
      expect(freed.status).toBe(200);
      expect((await supportView(bob, freed.headers['x-event-position'])).body.username).toBe(first);
      expect((await findBy(`username=${first}`, freed.headers['x-event-position'])).body.accounts.map((a: { accountId: string }) => a.accountId)).toEqual([bob]);
    });

    it('is unique case-insensitively, at registration and at change; a change of case keeps the name', async () => {
      const name = uniqueUsername('Ann');
      const ann = await registered({ username: name });

      const sameButLower = await register(w, uniqueEmail('lower'), { username: name.toLowerCase() });
      expect(sameButLower.status).toBe(409);
      expect(sameButLower.body.error).toBe('username_taken');
      const bob = await registered();
      const changeToUpper = await changeUsername(bob, name.toUpperCase());
      expect(changeToUpper.status).toBe(409);
      expect(changeToUpper.body.error).toBe('username_taken');

      const recased = await changeUsername(ann, name.toLowerCase());
      expect(recased.status).toBe(200);
      expect((await supportView(ann, recased.headers['x-event-position'])).body.username).toBe(name.toLowerCase());
      // Still Ann's: the change of case released nothing.
      expect((await changeUsername(bob, name)).body.error).toBe('username_taken');

      const same = await changeUsername(ann, name.toLowerCase());
      expect(same.status).toBe(200);
    });

    it('validates usernames like registration does', async () => {
      const accountId = await registered();
      for (const username of ['ab', 'a'.repeat(33), 'ann lee', 'ann@example', '']) {
        const res = await changeUsername(accountId, username);
        expect(res.status).toBe(400);
        expect(res.body.error).toBe('validation_failed');
      }
      expect((await changeUsername(accountId, uniqueUsername('émile_ß.x'))).status).toBe(200);
    });

    it('gives one name to exactly one of 8 accounts claiming it at once', async () => {
      const accountIds = await Promise.all(Array.from({ length: 8 }, () => registered()));
      const name = uniqueUsername('race');
      // Different spellings of one name: the claim is case-insensitive.
      const spellings = accountIds.map((_, i) => (i % 2 === 0 ? name : name.toUpperCase()));
      const results = await Promise.all(accountIds.map((id, i) => changeUsername(id, spellings[i])));

      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      const refused = results.filter((r) => r.status !== 200);
      expect(refused.map((r) => [r.status, r.body.error])).toEqual(Array(7).fill([409, 'username_taken']));

      const won = results.findIndex((r) => r.status === 200);
      const winner = accountIds[won];
      const found = await findBy(`username=${name}`, results[won].headers['x-event-position']);
      expect(found.body.accounts.map((a: { accountId: string }) => a.accountId)).toEqual([winner]);

      // The losers hold nothing: each can still take a name of its own.
      const loser = accountIds.find((id) => id !== winner)!;
      expect((await changeUsername(loser, uniqueUsername('consolation'))).status).toBe(200);
    });
  });

  describe('username locks by support', () => {
    it('keeps a locked name from registration and from a change, until it is unlocked', async () => {
      const name = uniqueUsername('brand');
      const locked = await lockUsername(name);
      expect(locked.status).toBe(200);
      expect(locked.body).toEqual({ username: name, locked: true });
      expect(locked.headers['x-event-position']).toMatch(/^\d+/);
      expect((await lockUsername(name)).status).toBe(200); // PUT again: still locked, nothing changes

      const atRegistration = await register(w, uniqueEmail('squatter'), { username: name.toUpperCase() });
      expect(atRegistration.status).toBe(409);
      expect(atRegistration.body.error).toBe('username_locked');
      const accountId = await registered();
      const atChange = await changeUsername(accountId, name);
      expect(atChange.status).toBe(409);
      expect(atChange.body.error).toBe('username_locked');

      const unlocked = await unlockUsername(name.toUpperCase());
      expect(unlocked.status).toBe(204);
      expect(unlocked.headers['x-event-position']).toMatch(/^\d+/);
      const again = await unlockUsername(name);
      expect(again.status).toBe(404);
      expect(again.body.error).toBe('username_not_locked');

      expect((await changeUsername(accountId, name)).status).toBe(200);
    });

    it('refuses to lock a name an account holds, and lets registration take a name once unlocked', async () => {
      const held = uniqueUsername('held');
      await registered({ username: held });
      const refused = await lockUsername(held.toUpperCase());
      expect(refused.status).toBe(409);
      expect(refused.body.error).toBe('username_taken');

      const name = uniqueUsername('later');
      await lockUsername(name);
      await unlockUsername(name);
      expect((await register(w, uniqueEmail('later'), { username: name })).status).toBe(201);
    });

    it('is for support staff only, with a reason, on a valid username', async () => {
      const name = uniqueUsername('staff');
      expect((await w.http.put(`/v1/usernames/${name}/lock`).set('Authorization', bearer('auth')).send({ reason: 'x' })).status).toBe(403);
      expect((await w.http.put(`/v1/usernames/${name}/lock`).set('Authorization', bearer('support')).send({ reason: 'x' })).status).toBe(400);
      expect((await lockUsername(name, {})).body.error).toBe('validation_failed');
      expect((await lockUsername('no', { reason: 'too short' })).body.error).toBe('validation_failed');
      expect((await unlockUsername('a b c')).body.error).toBe('validation_failed');
    });
  });

  describe('email change', () => {
    /** Requests a change and returns the link's token, after both mails went out. */
    async function requestedChange(accountId: string, oldEmail: string, newEmail: string): Promise<string> {
      const res = await requestEmailChange(accountId, newEmail);
      expect(res.status).toBe(202);
      expect(res.headers['x-event-position']).toMatch(/^\d+/);
      const link = await mailTo(w, newEmail, CONFIRM_SUBJECT);
      const token = tokenFromLink(link.text, 'confirm-email-change');
      expect(link.html).toContain(`http://warden.test/confirm-email-change?token=${token}`);
      const notice = await mailTo(w, oldEmail, NOTICE_SUBJECT);
      expect(notice.text).toContain("If it wasn't you");
      expect(notice.text).toContain('http://warden.test/reset-password');
      expect(`${notice.text}${notice.html}`).not.toContain('?token=');
      return token;
    }

    it('mails a link to the new address and a notice to the old; the link moves the account and frees the old address', async () => {
      const oldEmail = uniqueEmail('old');
      const newEmail = uniqueEmail('new');
      const accountId = await verifiedAccount(w, oldEmail);
      const token = await requestedChange(accountId, oldEmail, newEmail);

      // Nothing changes before the link is opened.
      expect((await logIn(w, oldEmail)).status).toBe(200);
      expect((await logIn(w, newEmail)).status).toBe(401);

      const confirmed = await confirmEmailChange(token);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toEqual({ accountId, status: 'active' });

      expect((await logIn(w, newEmail.toUpperCase())).body).toMatchObject({ result: 'session', accountId });
      expect((await logIn(w, oldEmail)).status).toBe(401);

      const found = await findBy(`email=${encodeURIComponent(newEmail)}`, confirmed.headers['x-event-position']);
      expect(found.body.accounts.map((a: { accountId: string; email: string }) => [a.accountId, a.email])).toEqual([[accountId, newEmail]]);
      expect((await findBy(`email=${encodeURIComponent(oldEmail)}`, confirmed.headers['x-event-position'])).body.accounts).toEqual([]);

      const reused = await register(w, oldEmail);
      expect(reused.status).toBe(201);
      expect(reused.body.accountId).not.toBe(accountId);

      const again = await confirmEmailChange(token);
      expect(again.status).toBe(400);
      expect(again.body.error).toBe('invalid_token');
    });

    it('refuses a wrong password, and an address another account holds, before mailing anything', async () => {
      const email = uniqueEmail('owner');
      const other = uniqueEmail('other');
      const accountId = await verifiedAccount(w, email);
      await register(w, other);

      const wrong = await requestEmailChange(accountId, uniqueEmail('x'), 'Wrong7Password');
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toBe('invalid_credentials');

      const taken = await requestEmailChange(accountId, other.toUpperCase());
      expect(taken.status).toBe(409);
      expect(taken.body.error).toBe('email_taken');

      const invalid = await authPost(w, `/v1/accounts/${accountId}/email-changes`, { newEmail: 'not-an-address', password: PASSWORD });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error).toBe('validation_failed');

      // A request that goes through, then its mails: the refused ones left none before them.
      await requestedChange(accountId, email, uniqueEmail('fine'));
      expect(readOutbox(w.dataDir).filter((m) => m.to.includes(email) && m.subject === NOTICE_SUBJECT)).toHaveLength(1);
      expect(readOutbox(w.dataDir).filter((m) => m.subject === CONFIRM_SUBJECT && m.to.toLowerCase().includes(other.toLowerCase()))).toEqual([]);
    });

    it('refuses at confirmation an address someone registered in the meantime, and keeps the old one', async () => {
      const oldEmail = uniqueEmail('keeper');
      const newEmail = uniqueEmail('contested');
      const accountId = await verifiedAccount(w, oldEmail);
      const token = await requestedChange(accountId, oldEmail, newEmail);

      expect((await register(w, newEmail)).status).toBe(201);
      const refused = await confirmEmailChange(token);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toBe('email_taken');

      expect((await logIn(w, oldEmail)).body).toMatchObject({ result: 'session', accountId });
      // The old address is still the account's: nobody else can register it.
      expect((await register(w, oldEmail)).body.error).toBe('email_taken');
    });

    it('refuses a malformed or unknown token', async () => {
      for (const token of ['nope', 'A'.repeat(64)]) {
        const res = await confirmEmailChange(token);
        expect(res.status).toBe(400);
        expect(res.body.error).toBe('invalid_token');
      }
    });

    it('is cancelled by a password reset, as the notice to the old address says', async () => {
      const oldEmail = uniqueEmail('victim');
      const newEmail = uniqueEmail('intruder');
      const accountId = await verifiedAccount(w, oldEmail);
      const token = await requestedChange(accountId, oldEmail, newEmail);

      expect((await authPost(w, '/v1/password-resets', { email: oldEmail, context: CLIENT })).status).toBe(202);
      const reset = await mailTo(w, oldEmail, 'Reset your password');
      const completed = await authPost(w, '/v1/password-resets/complete', { token: tokenFromLink(reset.text, 'reset-password'), newPassword: NEW_PASSWORD });
      expect(completed.status).toBe(200);

      const refused = await confirmEmailChange(token);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toBe('invalid_token');
      // Nothing was claimed for the intruder's address: it is free.
      expect((await register(w, newEmail)).status).toBe(201);
      expect((await logIn(w, oldEmail, NEW_PASSWORD)).body).toMatchObject({ result: 'session', accountId });
    });
  });
});
