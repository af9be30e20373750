import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { HistoryLine } from '@warden/application/compliance/account-history';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import type { Doc } from '@warden/infrastructure/read-store/read-store.port';
import { SqliteReadStore } from '@warden/infrastructure/read-store/sqlite-read-store';
import { typescriptNodeArgs } from '@warden/shared/testing/ts-child';
import { ACCOUNT_PROJECTIONS } from '@warden/projections/account-projections';
import { ACCOUNTS } from '@warden/projections/accounts/account-view';
import { ACTIVITY_ENTRIES } from '@warden/projections/activity/activity-entry';
import { AUDIT_ENTRIES } from '@warden/projections/audit/audit-entry';
import { checkpointKey } from '@warden/projections/checkpoint-key';
import { RECOVERY_CASES } from '@warden/projections/recovery-cases/recovery-case';
import { SESSIONS } from '@warden/projections/sessions/session-view';
import { snapshotCollections } from '@warden/projections/testing/read-model-snapshot';
import { authPost, signedIn, supportGet, uniqueEmail, verifiedAccount } from '../testing/flows';
import { bearer, startWarden } from '../testing/warden-harness';

const CLI = join(__dirname, 'main.ts');
const COLLECTIONS = [ACCOUNTS, SESSIONS, AUDIT_ENTRIES, ACTIVITY_ENTRIES, RECOVERY_CASES];

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The CLI as an operator runs it: a separate node process on the TypeScript sources (the
 * transpile hook of ts-child; the CLI uses no Nest DI, so no decorator metadata is needed),
 * on a data dir a real Warden wrote and then closed.
 */
describe('warden CLI', () => {
  let dataDir: string;
  let accountId: string;
  let otherAccountId: string;
  let httpHistory: HistoryLine[];
  let httpStateAtLogin: unknown;
  let httpIntegrity: unknown;
  let loginAt: string;
  let liveModels: Record<string, Doc[]>;
  let liveCheckpoints: (string | undefined)[];

  const cli = (...args: string[]) => cliIn(dataDir, args);

  function cliIn(warden: string, args: string[]): Promise<CliRun> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, typescriptNodeArgs(CLI, ...args), {
        cwd: dataDir, // no stray .env from the repository
        env: { ...process.env, WARDEN_DATA_DIR: warden, EVENTSTORE_URL: '', MONGODB_URL: '', REDIS_URL: '', SMTP_URL: '', WARDEN_MASTER_KEY: '' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  async function withReadStore<T>(use: (store: SqliteReadStore) => Promise<T>): Promise<T> {
    const store = new SqliteReadStore(join(dataDir, 'read-models.db'));
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  }

  const readModels = () =>
    withReadStore(async (store) => ({
      models: await snapshotCollections(store, COLLECTIONS),
      checkpoints: await Promise.all(ACCOUNT_PROJECTIONS.map((p) => store.getCheckpoint(checkpointKey(p)))),
    }));

  beforeAll(async () => {
    const w = await startWarden();
    dataDir = w.dataDir;
    try {
      const email = uniqueEmail('cli');
      accountId = await verifiedAccount(w, email);
      const session = await signedIn(w, email);
      await authPost(w, '/v1/sessions/logout', { sessionToken: session.sessionToken });
      otherAccountId = await verifiedAccount(w, uniqueEmail('cli-other'));

      const compliance = (path: string) => w.http.get(path).set('Authorization', bearer('compliance')).set('X-Actor', 'auditor-1');
      const history = await compliance(`/v1/compliance/accounts/${accountId}/history`)
        .buffer(true)
        .parse((res, done) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => done(null, body));
        });
      httpHistory = (history.body as string).split('\n').filter(Boolean).map((line) => JSON.parse(line) as HistoryLine);
      loginAt = httpHistory.find((l) => l.type === 'SessionStarted')!.occurredAt;
      httpStateAtLogin = (await compliance(`/v1/compliance/accounts/${accountId}/state?asOf=${loginAt}`)).body;
      httpIntegrity = (await compliance(`/v1/compliance/accounts/${accountId}/integrity`)).body;

      // Let the live projector finish every event before the app closes.
      const head = await w.warden.services.events.headPosition();
      const caughtUp = await supportGet(w, `/v1/accounts/${otherAccountId}`).set('X-Min-Position', head!);
      expect(caughtUp.status).toBe(200);
    } finally {
      await w.close();
    }
    ({ models: liveModels, checkpoints: liveCheckpoints } = await readModels());
    expect(liveModels[ACCOUNTS].length).toBeGreaterThanOrEqual(2);
    expect(liveModels[AUDIT_ENTRIES].length).toBeGreaterThan(5);
  }, 60_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the history as NDJSON, the same lines as the HTTP endpoint', async () => {
    const started = Date.now();
    const run = await cli('history', accountId);
    // eslint-disable-next-line no-console
    console.log(`warden history in a child process (transpiled on the fly): ${Date.now() - started} ms`);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines.pop()).toBe('');
    const parsed = lines.map((line) => JSON.parse(line) as HistoryLine);
    expect(parsed.map((l) => l.revision)).toEqual(httpHistory.map((_, i) => i));
    expect(parsed).toEqual(httpHistory);
    expect(parsed[0].data.email).toEqual(expect.stringContaining('@example.com'));

    const upToLogin = await cli('history', accountId, '--as-of', loginAt);
    expect(upToLogin.code).toBe(0);
    expect(upToLogin.stdout.trim().split('\n').map((l) => (JSON.parse(l) as HistoryLine).eventId)).toEqual(
      httpHistory.filter((l) => l.occurredAt <= loginAt).map((l) => l.eventId),
    );
  }, 60_000);

  it('prints the state as of an instant and the integrity report, as the HTTP endpoints do', async () => {
    const [state, integrity] = await Promise.all([cli('state', accountId, `--as-of=${loginAt}`), cli('integrity', accountId)]);
    expect(state.code).toBe(0);
    expect(JSON.parse(state.stdout)).toEqual(httpStateAtLogin);
    expect(integrity.code).toBe(0);
    expect(JSON.parse(integrity.stdout)).toEqual(httpIntegrity);
    expect(httpIntegrity).toMatchObject({ valid: true, events: httpHistory.length });
  }, 60_000);

  it('rebuilds the read models from the event store to exactly what the live projector built', async () => {
    // Spoil the read models first, so an identical result can only come from a real rebuild.
    await withReadStore(async (store) => {
      await store.collection(ACCOUNTS).delete(accountId);
      await store.collection(SESSIONS).put({ id: 'bogus', accountId, active: true });
      await store.collection(AUDIT_ENTRIES).truncate();
    });
    const rebuilt = await cli('projections:rebuild');
    expect(rebuilt.code).toBe(0);
    // Not a terminal: plain progress lines (at least the closing summary), no bar.
    expect(rebuilt.stderr).toMatch(/^rebuilt accounts, sessions, .* events in .* s \(\d+ events\/s\), switched to the new version$/m);
    expect(rebuilt.stderr).not.toContain('\r');
    const report = JSON.parse(rebuilt.stdout) as { rebuilt: { name: string; position: string }[]; head: string };
    expect(report.rebuilt.map((r) => r.name)).toEqual(ACCOUNT_PROJECTIONS.map((p) => p.name));
    expect(report.rebuilt.every((r) => r.position === report.head)).toBe(true);

    const after = await readModels();
    expect(after.models).toEqual(liveModels);
    expect(after.checkpoints).toEqual(liveCheckpoints);

    // One projection by name; the mail reactor is not one of them.
    await withReadStore((store) => store.collection(SESSIONS).truncate());
    expect((await cli('projections:rebuild', 'sessions')).code).toBe(0);
    expect((await readModels()).models).toEqual(liveModels);
    const reactor = await cli('projections:rebuild', 'mail-reactor');
    expect(reactor.code).toBe(1);
    expect(reactor.stderr).toContain('unknown projection "mail-reactor"');
  }, 120_000);

  it('fails with exit code 1 and a message', async () => {
    const [unknown, usage, badTime, noData] = await Promise.all([
      cli('history', '00000000-0000-4000-8000-000000000000'),
      cli('history'),
      cli('state', accountId, '--as-of', 'yesterday'),
      cliIn(join(dataDir, 'nowhere'), ['integrity', accountId]),
    ]);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('account_not_found');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('usage:');
    expect(badTime.code).toBe(1);
    expect(badTime.stderr).toContain('validation_failed');
    expect(noData.code).toBe(1);
    expect(noData.stderr).toContain('no event store');
    expect(existsSync(join(dataDir, 'nowhere'))).toBe(false);
  }, 60_000);

  it('exits with 2 when the hash chain is broken', async () => {
    const db = new Database(join(dataDir, 'events.db'));
    try {
      db.prepare(`UPDATE events SET occurred_at = '2000-01-01T00:00:00.000Z' WHERE stream_id = ? AND revision = 2`).run(accountStream(otherAccountId));
    } finally {
      db.close();
    }
    const run = await cli('integrity', otherAccountId);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ valid: false, brokenAt: { revision: 2, eventId: expect.any(String), reason: 'hash_mismatch' } });
    expect(run.stderr).toContain('broken at revision 2');
  }, 60_000);
});
