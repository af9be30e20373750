import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Server } from 'node:http';
import { loadConfig } from '@warden/infrastructure/config/warden-config';
import { createWarden, type RunningWarden } from '../warden.app';
import type { Role } from '../roles';
import { failOnContractViolations, unwatchContract, watchContract } from './contract/e2e-contract';

// Every test that talks to a harness app fails if an answer drifted from the OpenAPI document.
if (typeof afterEach === 'function') afterEach(failOnContractViolations);

export const KEYS = { auth: 'auth-secret-for-tests-0001', support: 'support-secret-for-tests-01', compliance: 'compliance-secret-for-test1' };

export interface TestWarden {
  warden: RunningWarden;
  dataDir: string;
  server: Server;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

export const newDataDir = () => mkdtempSync(join(tmpdir(), 'warden-e2e-'));

/**
 * Every file of a data directory but the outbox (mail carries links by design) and the keys,
 * as one string: events, read models, queue, idempotency. For "no secret is stored" checks.
 */
export function storedBytes(dataDir: string): string {
  const skip = new Set(['outbox', 'api-keys.txt', 'master.key']);
  return readdirSync(dataDir)
    .filter((name) => !skip.has(name) && statSync(join(dataDir, name)).isFile())
    .map((name) => readFileSync(join(dataDir, name)).toString('latin1'))
    .join('\n');
}

/**
 * The real Nest app on the embedded stores (SQLite files, SQLite queue, .eml outbox) in a
 * temporary data dir: every role in one process, as `npm start` runs it. Every answer it
 * gives is checked against its OpenAPI document (apps/testing/contract).
 */
export async function startWarden(
  options: { dataDir?: string; env?: Record<string, string>; roles?: Role[]; logLines?: string[] } = {},
): Promise<TestWarden> {
  const dataDir = options.dataDir ?? newDataDir();
  const config = loadConfig({
    WARDEN_DATA_DIR: dataDir,
    BCRYPT_COST: '4',
    PUBLIC_URL: 'http://warden.test',
    WARDEN_API_KEYS: `frontend:auth:${KEYS.auth},desk:support:${KEYS.support},review:compliance:${KEYS.compliance}`,
    PROJECTOR_POLL_MS: '10',
    MAIL_BACKOFF_MS: '20',
    LOG_LEVEL: 'silent',
    // Below the 400 ms default: the floor is timed at 250 (no-enumeration), and refused
    // logins in every other test wait less; bcrypt at cost 4 is far below either.
    UNIFORM_RESPONSE_MS: '250',
    ...options.env,
  });
  const logLines = options.logLines;
  const logDestination = logLines ? { write: (line: string) => void logLines.push(line) } : undefined;
  const warden = await createWarden(config, options.roles ?? ['api', 'projector', 'worker'], { logDestination });
  if (!warden.app) throw new Error('the harness needs the api role');
  const server = warden.app.getHttpServer() as Server;
  const contract = await watchContract(server);
  return {
    warden,
    dataDir,
    server,
    http: request(server),
    close: async () => {
      await warden.close();
      unwatchContract(contract);
    },
  };
}

export const bearer = (scope: keyof typeof KEYS) => `Bearer ${KEYS[scope]}`;

export const CLIENT = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (e2e)', deviceId: 'device-1' };
