import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createWarden, type RunningWarden } from '@warden/apps/warden.app';
import { loadConfig } from '@warden/infrastructure/config/warden-config';
import { newestMails } from '@warden/apps/cli/outbox';
import type { Role } from '@warden/apps/roles';
import { BenchClient } from './http-client';

export const BENCH_KEY = 'bench-auth-secret-000000001';
export const CLIENT = { ip: '203.0.113.7', userAgent: 'bench', deviceId: 'bench-device' };
export const PASSWORD = 'Bench7Password!';

export interface BenchWarden {
  warden: RunningWarden;
  client: BenchClient;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Warden on the embedded stores in a temporary directory, listening on a free loopback
 * port, with the protections that would get in a benchmark's way opened wide (unless the
 * bench sets them itself).
 */
export async function startBenchWarden(env: Record<string, string> = {}, roles: Role[] = ['api', 'projector', 'worker']): Promise<BenchWarden> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-bench-'));
  const config = loadConfig({
    WARDEN_DATA_DIR: dataDir,
    BCRYPT_COST: '10',
    WARDEN_API_KEYS: `bench:auth+support:${BENCH_KEY}`,
    LOG_LEVEL: 'silent',
    THROTTLE_ACCOUNT_FREE_FAILURES: '1000000',
    THROTTLE_IP_FREE_FAILURES: '1000000',
    LOCK_THRESHOLD: '1000000',
    UNIFORM_RESPONSE_MS: '0',
    ...env,
  });
  const warden = await createWarden(config, roles);
  if (!warden.app) throw new Error('the bench needs the api role');
  await warden.app.listen(0, '127.0.0.1');
  const { port } = (warden.app.getHttpServer() as Server).address() as AddressInfo;
  const client = new BenchClient(port, BENCH_KEY);
  return {
    warden,
    client,
    dataDir,
    async close() {
      client.close();
      await warden.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Registers only (no mail needed, so it works without the worker role); returns the account id. */
export async function registeredAccount(w: BenchWarden, email: string): Promise<string> {
  const res = await w.client.post('/v1/accounts', { email, password: PASSWORD, displayName: 'Bench', context: CLIENT });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accountId as string;
}

/** Registers and confirms through the mailed link, as a user would; returns the account id. */
export async function verifiedAccount(w: BenchWarden, email: string): Promise<string> {
  const registered = await w.client.post('/v1/accounts', { email, password: PASSWORD, displayName: 'Bench', context: CLIENT });
  if (registered.status !== 201) throw new Error(`registration failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  const token = await verificationToken(w.dataDir, email);
  const confirmed = await w.client.post('/v1/email-verifications/confirm', { token });
  if (confirmed.status !== 200) throw new Error(`confirmation failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return registered.body.accountId as string;
}

async function verificationToken(dataDir: string, email: string): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    const mail = newestMails(join(dataDir, 'outbox'), 1000).find((m) => m.to.includes(email) && m.text.includes('verify-email?token='));
    const token = mail?.text.match(/verify-email\?token=([A-Za-z0-9_-]+)/)?.[1];
    if (token) return token;
    await sleep(20);
  }
  throw new Error(`no verification mail for ${email}`);
}
