import { authPost, logIn, uniqueEmail, verifiedAccount } from '../testing/flows';
import { CLIENT, startWarden, type TestWarden } from '../testing/warden-harness';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Times `a` and `b` alternately, so drift on the machine affects both alike. */
async function interleavedTimings(rounds: number, a: () => Promise<unknown>, b: () => Promise<unknown>) {
  const times = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    for (const [key, run] of [['a', a], ['b', b]] as const) {
      const started = process.hrtime.bigint();
      await run();
      times[key].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return { a: median(times.a), b: median(times.b) };
}

describe('no account enumeration through answers or timing', () => {
  let w: TestWarden;
  let known: string;
  beforeAll(async () => {
    // Real bcrypt work (cost 10) so that the comparison dominates, as in production;
    // no throttling or lock, so every attempt takes the full path.
    w = await startWarden({
      env: { BCRYPT_COST: '10', THROTTLE_ACCOUNT_FREE_FAILURES: '10000', THROTTLE_IP_FREE_FAILURES: '10000', LOCK_THRESHOLD: '10000' },
    });
    known = uniqueEmail('known');
    await verifiedAccount(w, known);
  }, 30_000);
  afterAll(() => w.close());

  it('answers a login for an unknown email exactly like a wrong password, in the same time', async () => {
    const unknown = uniqueEmail('unknown');
    const [wrong, missing] = [await logIn(w, known, 'Wrong7Password'), await logIn(w, unknown, 'Wrong7Password')];
    expect(missing.status).toBe(wrong.status);
    expect(missing.body).toEqual(wrong.body);
    expect(Object.keys(missing.headers).sort()).toEqual(Object.keys(wrong.headers).sort());

    const t = await interleavedTimings(12, () => logIn(w, known, 'Wrong7Password'), () => logIn(w, unknown, 'Wrong7Password'));
    // Within noise: a fraction of one bcrypt comparison.
    expect(Math.abs(t.a - t.b)).toBeLessThan(Math.max(t.a, t.b) * 0.35);
  }, 60_000);

  it('answers every failed login, known address or not, no sooner than the uniform floor (UNIFORM_RESPONSE_MS, 250 ms)', async () => {
    // A wrong password also loads the account and appends LoginFailed (an fsync): a few ms
    // the unknown address does not spend. The floor hides them; this checks the floor holds.
    for (const email of [known, uniqueEmail('unknown')]) {
      const started = process.hrtime.bigint();
      const answer = await logIn(w, email, 'Wrong7Password');
      expect(answer.status).toBe(401);
      expect(Number(process.hrtime.bigint() - started) / 1e6).toBeGreaterThanOrEqual(249);
    }
  }, 30_000);

  it('answers a password reset for an unknown email exactly like a known one, in the same time', async () => {
    const unknown = uniqueEmail('unknown');
    const reset = (email: string) => authPost(w, '/v1/password-resets', { email, context: CLIENT });
    const [a, b] = [await reset(known), await reset(unknown)];
    expect(b.status).toBe(202);
    expect(b.status).toBe(a.status);
    expect(b.body).toEqual(a.body);
    expect(b.headers['x-event-position']).toMatch(/^\d+$/);

    const t = await interleavedTimings(8, () => reset(known), () => reset(unknown));
    expect(Math.abs(t.a - t.b)).toBeLessThan(Math.max(t.a, t.b) * 0.35);
  }, 60_000);
});
