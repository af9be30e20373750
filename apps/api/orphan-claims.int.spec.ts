// A registration (or a change of username or email) killed between the claim of the value and the
// account's own append, in a real child process; then the same value taken by a new
// account in this (fresh) process once the claim has lapsed.
import { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import { EVENT_STORE } from '@warden/infrastructure/tokens';
import { Reservations, type ReservationKind } from '@warden/application/shared/reservations';
import { AccountCommandRunner } from '@warden/application/runner/account-command-runner';
import { crashInChild } from '../testing/crash-in-child';
import { logIn, register, supportGet, uniqueEmail } from '../testing/flows';
import { newDataDir, startWarden, type TestWarden } from '../testing/warden-harness';

const TAKEOVER_SECONDS = 1;

/** The claims on a value's reservation stream: [event type, account id]. */
async function claimsOn(w: TestWarden, kind: ReservationKind, value: string): Promise<Array<[string, unknown]>> {
  const reservations = w.warden.app!.get(Reservations, { strict: false });
  const store = w.warden.app!.get<symbol, EventStore>(EVENT_STORE, { strict: false });
  return (await store.readStream(reservations.streamOf(kind, value))).map((e) => [e.type, e.data.accountId]);
}

async function streamTypes(w: TestWarden, accountId: string): Promise<string[]> {
  const store = w.warden.app!.get<symbol, EventStore>(EVENT_STORE, { strict: false });
  return (await store.readStream(accountStream(accountId))).map((e) => e.type);
}

/** Waits (on the clock, not on a guess) until a claim made at `claimedAt` is older than the takeover time. */
async function untilLapsed(w: TestWarden, kind: ReservationKind, value: string): Promise<void> {
  const reservations = w.warden.app!.get(Reservations, { strict: false });
  const store = w.warden.app!.get<symbol, EventStore>(EVENT_STORE, { strict: false });
  const [claim] = await store.readStream(reservations.streamOf(kind, value), { direction: 'backwards', maxCount: 1 });
  const wait = Date.parse(claim.occurredAt) + TAKEOVER_SECONDS * 1000 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait + 5));
}

describe('no orphan claims after a crash between the claim and the account', () => {
  jest.setTimeout(60_000);

  it('frees an email whose registration was killed after the claim, for a new registration in a fresh process', async () => {
    const dataDir = newDataDir();
    const email = uniqueEmail('crashed');
    const crash = await crashInChild(dataDir, 'register:after-claims', { scenario: 'register', email });
    expect(crash).toEqual({ signal: 'SIGKILL', report: undefined });

    // The orphan: a claim whose account stream is empty. With the default takeover time it still blocks…
    let w = await startWarden({ dataDir });
    try {
      const claims = await claimsOn(w, 'email', email);
      expect(claims).toEqual([['ValueReserved', expect.any(String)]]);
      const ghost = String(claims[0][1]);
      expect(await streamTypes(w, ghost)).toEqual([]);
      expect((await register(w, email)).body.error).toBe('email_taken');
    } finally {
      await w.close();
    }

    // …and once it is older than CLAIM_TAKEOVER_SECONDS, the address registers again.
    w = await startWarden({ dataDir, env: { CLAIM_TAKEOVER_SECONDS: String(TAKEOVER_SECONDS) } });
    try {
      await untilLapsed(w, 'email', email);
      const again = await register(w, email);
      expect(again.status).toBe(201);
      const [[, ghost]] = await claimsOn(w, 'email', email);
      expect(await claimsOn(w, 'email', email)).toEqual([
        ['ValueReserved', ghost],
        ['ClaimLapsed', ghost],
        ['ValueReserved', again.body.accountId],
      ]);
      expect(await streamTypes(w, String(ghost))).toEqual(['RegistrationAbandoned']);
      // The address now leads to the new account: the right password gets past the credentials check.
      expect((await logIn(w, email)).body.error).toBe('email_not_verified');
      // Support finds exactly the new account under the address.
      const found = await supportGet(w, `/v1/support/accounts?email=${encodeURIComponent(email)}`).set('X-Min-Position', again.headers['x-event-position']);
      expect(found.body.accounts.map((a: { accountId: string }) => a.accountId)).toEqual([again.body.accountId]);
    } finally {
      await w.close();
    }
  });

  it('frees a username whose registration was killed after the claims, for another account', async () => {
    const dataDir = newDataDir();
    const username = `crash${Date.now() % 1_000_000}`;
    const crash = await crashInChild(dataDir, 'register:after-claims', { scenario: 'register', email: uniqueEmail('first'), username });
    expect(crash.signal).toBe('SIGKILL');

    const w = await startWarden({ dataDir, env: { CLAIM_TAKEOVER_SECONDS: String(TAKEOVER_SECONDS) } });
    try {
      await untilLapsed(w, 'username', username);
      const again = await register(w, uniqueEmail('second'), { username });
      expect(again.status).toBe(201);
      expect((await claimsOn(w, 'username', username)).map(([type]) => type)).toEqual(['ValueReserved', 'ClaimLapsed', 'ValueReserved']);
    } finally {
      await w.close();
    }
  });

  it('frees a username claimed by a change that was killed before the account recorded it; the account keeps its own', async () => {
    const dataDir = newDataDir();
    const email = uniqueEmail('renamer');
    const [before, after] = [`before${Date.now() % 1_000_000}`, `after${Date.now() % 1_000_000}`];
    const crash = await crashInChild(dataDir, 'username-change:after-claim', { scenario: 'change-username', email, username: before, newUsername: after });
    expect(crash.signal).toBe('SIGKILL');

    const w = await startWarden({ dataDir, env: { CLAIM_TAKEOVER_SECONDS: String(TAKEOVER_SECONDS) } });
    try {
      const [[, owner]] = await claimsOn(w, 'username', after);
      expect(await streamTypes(w, String(owner))).toContain('AccountRegistered');
      await untilLapsed(w, 'username', after);
      expect((await register(w, uniqueEmail('other'), { username: after })).status).toBe(201);
      // The living account is not sealed, and its own username still stands.
      expect(await streamTypes(w, String(owner))).not.toContain('RegistrationAbandoned');
      expect((await register(w, uniqueEmail('third'), { username: before })).body.error).toBe('username_taken');
    } finally {
      await w.close();
    }
  });

  it('frees an address claimed by an email change that was killed before the account recorded it; the account keeps its own', async () => {
    const dataDir = newDataDir();
    const [email, newEmail] = [uniqueEmail('mover'), uniqueEmail('destination')];
    const crash = await crashInChild(dataDir, 'email-change:after-claim', { scenario: 'change-email', email, newEmail });
    expect(crash.signal).toBe('SIGKILL');

    const w = await startWarden({ dataDir, env: { CLAIM_TAKEOVER_SECONDS: String(TAKEOVER_SECONDS) } });
    try {
      const [[, owner]] = await claimsOn(w, 'email', newEmail);
      expect(await streamTypes(w, String(owner))).not.toContain('EmailChanged');
      await untilLapsed(w, 'email', newEmail);
      const taken = await register(w, newEmail);
      expect(taken.status).toBe(201);
      expect(await claimsOn(w, 'email', newEmail)).toEqual([
        ['ValueReserved', owner],
        ['ClaimLapsed', owner],
        ['ValueReserved', taken.body.accountId],
      ]);
      // The account that moved still signs in with its own address, which it still holds.
      expect((await logIn(w, email)).status).toBe(200);
    } finally {
      await w.close();
    }
  });

  it('refuses a registration that was only stalled past the takeover time: the fence keeps it from landing, and it answers 409', async () => {
    const w = await startWarden({ env: { CLAIM_TAKEOVER_SECONDS: String(TAKEOVER_SECONDS) } });
    try {
      const email = uniqueEmail('stalled');
      const runner = w.warden.app!.get(AccountCommandRunner, { strict: false });
      const run = runner.run.bind(runner);
      // The first registration stalls between its claim and its AccountRegistered, while a second one takes the address over.
      const spy = jest.spyOn(runner, 'run').mockImplementationOnce(async (...args) => {
        await untilLapsed(w, 'email', email);
        expect((await register(w, email)).status).toBe(201);
        return run(...args);
      });
      try {
        const first = await register(w, email);
        expect(first.body.error).toBe('email_taken');
        expect(first.status).toBe(409);
      } finally {
        spy.mockRestore();
      }
      const [[, ghost], , [, owner]] = await claimsOn(w, 'email', email);
      expect(await streamTypes(w, String(ghost))).toEqual(['RegistrationAbandoned']);
      expect(await streamTypes(w, String(owner))).toContain('AccountRegistered');
    } finally {
      await w.close();
    }
  });
});
