import * as bcrypt from 'bcrypt';
import type { BenchRatio } from './ratio';
import { CLIENT, PASSWORD, startBenchWarden, verifiedAccount } from './support/bench-warden';
import { info, median, ratesSideBySide, timed } from './support/measure';

const COST = 10;
const ROUNDS = Number(process.argv[2] ?? 30);
const CLIENTS = 8;

/**
 * What a login adds on top of the bcrypt comparison it cannot avoid (same cost, measured
 * side by side), and the enumeration-by-timing check: an unknown email must cost what a
 * wrong password costs.
 */
export async function loginRatios(): Promise<BenchRatio[]> {
  // The production floor for refused logins (a successful login, R1/R2, is never delayed),
  // so the enumeration line shows what a caller can measure.
  const w = await startBenchWarden({ BCRYPT_COST: String(COST), UNIFORM_RESPONSE_MS: '250' });
  try {
    const email = (i: number) => `bench-login-${i}@example.com`;
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => verifiedAccount(w, email(i))));
    const hash = await bcrypt.hash(PASSWORD, COST);
    const login = (i: number, password = PASSWORD) => w.client.post('/v1/logins', { email: email(i), password, context: CLIENT });

    const samples = { bcrypt: [] as number[], login: [] as number[], wrong: [] as number[], unknown: [] as number[], introspect: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      samples.bcrypt.push(await timed(() => bcrypt.compare(PASSWORD, hash)));
      samples.login.push(await timed(() => expectStatus(login(0), 200)));
      // In turn first and second: the work a request leaves behind (its projection) lands
      // on the next one, which must not always be the same kind.
      const wrong = async () => samples.wrong.push(await timed(() => expectStatus(login(1, 'Wrong7Password'), 401)));
      const unknown = async () =>
        samples.unknown.push(await timed(() => expectStatus(w.client.post('/v1/logins', { email: `nobody${i}@example.com`, password: PASSWORD, context: CLIENT }), 401)));
      for (const measure of i % 2 === 0 ? [wrong, unknown] : [unknown, wrong]) await measure();
      samples.introspect.push(await timed(() => w.client.post('/v1/sessions/introspect', { sessionToken: 'x'.repeat(64) })));
    }
    const base = median(samples.bcrypt);
    info(`login p50 (ms): bcrypt.compare ${base.toFixed(2)} · correct ${median(samples.login).toFixed(2)} · wrong ${median(samples.wrong).toFixed(2)} · unknown email ${median(samples.unknown).toFixed(2)} · introspect (no bcrypt) ${median(samples.introspect).toFixed(2)}`);
    info(`unknown email ÷ wrong password, answered at the 250 ms floor (enumeration by timing, ideal 1.00): ${(median(samples.unknown) / median(samples.wrong)).toFixed(3)}`);

    const [compares, logins] = await ratesSideBySide(CLIENTS, [() => bcrypt.compare(PASSWORD, hash), (client) => expectStatus(login(client), 200)]);
    info(`${CLIENTS} clients: ${logins.toFixed(1)} logins/s, ${compares.toFixed(1)} bcrypt compares/s`);

    return [
      { id: 'R1', label: `login p50 ÷ bcrypt.compare p50 (cost ${COST}, 1 client, successful login)`, value: median(samples.login) / base, goal: { cmp: '<=', target: 1.05 } },
      { id: 'R2', label: `logins/s ÷ bcrypt compares/s (${CLIENTS} concurrent, an account per client)`, value: logins / compares, goal: { cmp: '>=', target: 0.95 } },
    ];
  } finally {
    await w.close();
  }
}

export async function expectStatus<T extends { status: number; body: unknown }>(response: Promise<T>, status: number): Promise<T> {
  const res = await response;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}
