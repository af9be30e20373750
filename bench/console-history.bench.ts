import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createWarden } from '@warden/apps/warden.app';
import { loadConfig } from '@warden/infrastructure/config/warden-config';
import { appendEvents } from '@warden/projections/testing/append-events';
import { formatRatio, type BenchRatio } from './ratio';

const EVENTS = 10_000;
const ROUNDS = 5;
const KEYS = { auth: 'bench-auth-secret-000000001', compliance: 'bench-compliance-secret-0001' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * The console's history of a 10,000-event account, page by page (100 events a page, read
 * from the compliance API's NDJSON stream and cut once the page is in), against reading
 * the whole NDJSON history straight from the API, side by side in one process.
 */
export async function consoleHistoryRatios(): Promise<BenchRatio[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-bench-console-'));
  const config = loadConfig({
    WARDEN_DATA_DIR: dataDir,
    BCRYPT_COST: '4',
    WARDEN_API_KEYS: `bench:auth:${KEYS.auth},review:compliance:${KEYS.compliance}`,
    LOG_LEVEL: 'silent',
  });
  const warden = await createWarden(config, ['api', 'projector', 'worker']);
  const server = warden.app!.getHttpServer() as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  try {
    const registered = await request(server)
      .post('/v1/accounts')
      .set('Authorization', `Bearer ${KEYS.auth}`)
      .send({ email: 'bench-history@example.com', password: 'Bench7Password!', displayName: 'Bench', context: { ip: '203.0.113.7', userAgent: 'bench' } });
    const accountId = registered.body.accountId as string;
    for (let i = 0; i < EVENTS / 1000; i++) await appendEvents(warden.services.events, `account-${accountId}`, Array<string>(1000).fill('SessionSeen'));

    const staff = request.agent(server);
    const signInPage = await staff.get('/console');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signInPage.text)![1];
    await staff.post('/console/sign-in').type('form').send({ _csrf: csrf, staffId: 'bench', apiKey: KEYS.compliance });

    const samples = { full: [] as number[], first: [] as number[], last: [] as number[] };
    const page = async (from: number) => {
      const res = await staff.get(`/console/compliance/${accountId}/history?from=${from}`);
      if (res.status !== 200 || !res.text.includes(`<td>${from}</td>`)) throw new Error(`history page from ${from}: ${res.status}`);
    };
    for (let i = 0; i < ROUNDS; i++) {
      samples.full.push(await timed(() => request(server).get(`/v1/compliance/accounts/${accountId}/history`).set('Authorization', `Bearer ${KEYS.compliance}`).set('X-Actor', 'bench')));
      samples.first.push(await timed(() => page(0)));
      samples.last.push(await timed(() => page(EVENTS - 100)));
    }
    const full = median(samples.full);
    return [
      { id: 'CH1', label: 'console history, first page of 10,000 events ÷ whole NDJSON', value: median(samples.first) / full, goal: { cmp: '<=', target: 0.5 } },
      { id: 'CH2', label: 'console history, last page of 10,000 events ÷ whole NDJSON', value: median(samples.last) / full, goal: { cmp: '<=', target: 2 } },
      { id: 'CH3', label: 'whole NDJSON history of 10,000 events (for scale)', value: Math.round(full), goal: { cmp: '<=', target: 5000 }, unit: 'ms' },
    ];
  } finally {
    await warden.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  consoleHistoryRatios().then(
    (ratios) => ratios.forEach((ratio) => process.stdout.write(`${formatRatio(ratio)}\n`)),
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
