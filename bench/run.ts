import 'reflect-metadata';
import * as bcrypt from 'bcrypt';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Server } from 'node:http';
import { loadConfig } from '../libs/infrastructure/config/warden-config';
import { createWarden } from '../apps/warden.app';
import { consoleHistoryRatios } from './console-history.bench';
import { formatRatio } from './ratio';

/**
 * Benchmarks, measured side by side in one run and printed as ratios, so the numbers
 * mean the same on any machine: what Warden adds on top of the work it cannot avoid.
 *   npm run bench [-- rounds]
 */
const ROUNDS = Number(process.argv[2] ?? 30);
const COST = 10;
const KEY = 'bench-auth-secret-000000001';
const CLIENT = { ip: '203.0.113.7', userAgent: 'bench', deviceId: 'bench-device' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-bench-'));
  const config = loadConfig({
    WARDEN_DATA_DIR: dataDir,
    BCRYPT_COST: String(COST),
    WARDEN_API_KEYS: `bench:auth:${KEY}`,
    LOG_LEVEL: 'silent',
    THROTTLE_ACCOUNT_FREE_FAILURES: '1000000',
    THROTTLE_IP_FREE_FAILURES: '1000000',
    LOCK_THRESHOLD: '1000000',
  });
  const warden = await createWarden(config, ['api', 'projector', 'worker']);
  const http = request(warden.app!.getHttpServer() as Server);
  const post = (path: string, body: object) => http.post(path).set('Authorization', `Bearer ${KEY}`).send(body);
  try {
    const email = 'bench@example.com';
    const password = 'Bench7Password!';
    await post('/v1/accounts', { email, password, displayName: 'Bench', context: CLIENT });
    const hash = await bcrypt.hash(password, COST);

    const samples = { bcrypt: [] as number[], login: [] as number[], wrong: [] as number[], unknown: [] as number[], introspect: [] as number[] };
    // The account is not verified: a correct password ends in 403 after the full check,
    // which is the same work as a successful login minus the session events.
    for (let i = 0; i < ROUNDS; i++) {
      samples.bcrypt.push(await timed(() => bcrypt.compare(password, hash)));
      samples.login.push(await timed(() => post('/v1/logins', { email, password, context: CLIENT })));
      samples.wrong.push(await timed(() => post('/v1/logins', { email, password: 'Wrong7Password', context: CLIENT })));
      samples.unknown.push(await timed(() => post('/v1/logins', { email: `nobody${i}@example.com`, password, context: CLIENT })));
      samples.introspect.push(await timed(() => post('/v1/sessions/introspect', { sessionToken: 'x'.repeat(64) })));
    }
    const base = median(samples.bcrypt);
    const row = (name: string, ms: number, ratio?: number) =>
      process.stdout.write(`${name.padEnd(42)} ${ms.toFixed(2).padStart(9)} ms${ratio === undefined ? '' : `   × ${ratio.toFixed(2)} bcrypt`}\n`);
    process.stdout.write(`warden bench: ${ROUNDS} rounds, bcrypt cost ${COST}, embedded stores; medians\n`);
    row('raw bcrypt.compare', base);
    row('POST /v1/logins (correct password)', median(samples.login), median(samples.login) / base);
    row('POST /v1/logins (wrong password)', median(samples.wrong), median(samples.wrong) / base);
    row('POST /v1/logins (unknown email)', median(samples.unknown), median(samples.unknown) / base);
    row('POST /v1/sessions/introspect (no bcrypt)', median(samples.introspect));
    process.stdout.write(`unknown ÷ wrong password (enumeration by timing, ideal 1.00): ${(median(samples.unknown) / median(samples.wrong)).toFixed(2)}\n`);
  } finally {
    await warden.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write('── console history\n');
  (await consoleHistoryRatios()).forEach((ratio) => process.stdout.write(`${formatRatio(ratio)}\n`));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
