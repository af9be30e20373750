import fc from 'fast-check';
import type { Response } from 'supertest';
import { fuzzRequests, routesOf, type FuzzRequest, type Route } from '../testing/fuzz-requests';
import { signedIn, uniqueEmail, verifiedAccount } from '../testing/flows';
import { startWarden, type TestWarden } from '../testing/warden-harness';

/**
 * Issue 10 §5: random requests over every route — random JSON of random shapes and depths,
 * random headers and parameters. Invariant: never a 5xx, and every error in the contract's
 * shape `{error, message, details?}` as JSON. In CI: a fixed seed and a bounded count;
 * `scripts/fuzz-api.sh [runs] [seed]` runs it longer (FUZZ_RUNS, FUZZ_SEED).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20261202);
const CODE = /^[a-z][a-z0-9_]*$/;

/** What is wrong with an answer, or null. */
export function contractBreach(request: FuzzRequest, res: Response): string | null {
  // Contract §2: X-Min-Position waits, then `503 projection_lagging` — an answer, not a failure.
  const lagging = res.status === 503 && res.body?.error === 'projection_lagging' && request.headers['x-min-position'] !== undefined;
  if (res.status >= 500 && !lagging) return `status ${res.status}`;
  if (res.status < 400) return null;
  if (!/^application\/json/.test(String(res.headers['content-type']))) return `error answered as ${res.headers['content-type']}`;
  const body: unknown = res.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'error body is not an object';
  const { error, message, details, ...rest } = body as Record<string, unknown>;
  if (typeof error !== 'string' || !CODE.test(error)) return `error code ${JSON.stringify(error)}`;
  if (typeof message !== 'string' || message === '') return 'no message';
  if (Object.keys(rest).length > 0) return `unexpected fields ${Object.keys(rest).join(', ')}`;
  if (details !== undefined && (details === null || typeof details !== 'object')) return 'details is not an array or object';
  return null;
}

describe(`fuzzing every route (seed ${SEED}, ${RUNS} runs)`, () => {
  let w: TestWarden;
  let routes: Route[];
  let ids: string[];
  beforeAll(async () => {
    w = await startWarden({ env: { MIN_POSITION_WAIT_MS: '20', UNIFORM_RESPONSE_MS: '0', THROTTLE_IP_FREE_FAILURES: '1000000' } });
    routes = routesOf((await w.http.get('/docs-json')).body);
    const email = uniqueEmail('fuzz');
    const accountId = await verifiedAccount(w, email);
    const { sessionId } = await signedIn(w, email);
    ids = [accountId, sessionId];
  });
  afterAll(() => w.close());

  it('covers every route of the document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
  });

  it('never answers 5xx, and every error has the contract\'s shape', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzRequests(routes, ids), async (request) => {
        const res = await w.http[request.method](request.path).set(request.headers).send(request.body);
        const breach = contractBreach(request, res);
        if (breach) throw new Error(`${breach}: ${request.method.toUpperCase()} ${request.path} → ${res.status} ${JSON.stringify(res.body)}`);
      }),
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: 10 * 60_000 },
    );
  }, 15 * 60_000);
});
