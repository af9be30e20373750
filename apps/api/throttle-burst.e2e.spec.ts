// Bursts of parallel logins over real HTTP against the default throttle (3 free failures
// per email): the throttle's check and count are one atomic step, so a burst gets exactly
// the free allowance of password checks, and nothing answers 5xx.
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import { EVENT_STORE } from '@warden/infrastructure/tokens';
import { logIn, uniqueEmail, verifiedAccount } from '../testing/flows';
import { startWarden, type TestWarden } from '../testing/warden-harness';

const WRONG = 'Wrong7Password';

describe('a burst of parallel failed logins against the default throttle', () => {
  let w: TestWarden;
  beforeAll(async () => {
    // Cost 10 as in production-like use: the password check takes long enough for a burst to overlap it.
    w = await startWarden({ env: { THROTTLE_BASE_SECONDS: '30', BCRYPT_COST: '10' } });
  });
  afterAll(() => w.close());

  const loginFailures = async (accountId: string) => {
    const store = w.warden.app!.get<symbol, EventStore>(EVENT_STORE, { strict: false });
    return (await store.readStream(accountStream(accountId))).filter((e) => e.type === 'LoginFailed').length;
  };

  it('checks exactly 3 of 30 parallel wrong passwords on one account; the other 27 are throttled, none fails with 5xx', async () => {
    const email = uniqueEmail('burst');
    const accountId = await verifiedAccount(w, email);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => logIn(w, email, WRONG, { ip: `192.0.2.${i + 1}`, userAgent: 'burst' })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(3).fill(401), ...Array(27).fill(429)]);
    expect(await loginFailures(accountId)).toBe(3);
    expect(answers.filter((a) => a.status === 429).every((a) => Number(a.headers['retry-after']) > 0)).toBe(true);
  });

  it('gives an unknown address the same 3 checks out of a burst: a 429 says nothing about the address', async () => {
    const email = uniqueEmail('nobody');
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => logIn(w, email, WRONG, { ip: `198.51.100.${i + 1}`, userAgent: 'burst' })));
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(3).fill(401), ...Array(27).fill(429)]);
  });
});
