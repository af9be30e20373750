import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { typescriptNodeArgs } from '@warden/shared/testing/ts-child';
import { tokenFromLink, waitForMail } from './testing/outbox';

const MAIN = join(__dirname, 'main.ts');
const KEY = 'thread-test-auth-secret-0001';

/**
 * `npm start` as an operator runs it: one process, every role, the api answering on the
 * main thread while the projector and the worker run on the background thread. Only that
 * thread sends mail and writes read models, so a mailed link, a read-your-writes read and
 * the mail counter in /metrics each show it working, and reaching the api thread.
 */
describe('one Warden process with every role (api thread + background thread)', () => {
  let dataDir: string;
  let child: ChildProcessWithoutNullStreams;
  let base: string;
  let stderr = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'warden-threads-'));
    child = spawn(process.execPath, typescriptNodeArgs(MAIN), {
      cwd: dataDir, // no stray .env from the repository
      env: {
        ...process.env,
        WARDEN_DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'warn',
        BCRYPT_COST: '4',
        WARDEN_API_KEYS: `svc:auth+support:${KEY}`,
        EVENTSTORE_URL: '',
        MONGODB_URL: '',
        REDIS_URL: '',
        SMTP_URL: '',
      },
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    base = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const listening = line.match(/listening on (http:\/\/localhost:\d+)/);
        if (listening) resolve(listening[1]);
      });
      child.on('exit', (code) => reject(new Error(`warden exited (${code}) before listening: ${stderr}`)));
    });
  }, 60_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (method: string, path: string, body?: object, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${KEY}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, headers: res.headers, body: (res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text()) as never };
  };

  it('mails, projects and reports from the background thread', async () => {
    const email = 'threads@example.com';
    const registered = await call('POST', '/v1/accounts', { email, password: 'Thread7Password!', displayName: 'Threads', context: { ip: '203.0.113.9', userAgent: 'test' } });
    expect(registered.status).toBe(201);
    const { accountId } = registered.body as { accountId: string };

    const mail = await waitForMail(dataDir, (m) => m.to.includes(email), 20_000);
    const confirmed = await call('POST', '/v1/email-verifications/confirm', { token: tokenFromLink(mail.text, 'verify-email') });
    expect(confirmed.status).toBe(200);

    // Answered once the projector thread's checkpoint passes the confirmation: no poll, no sleep.
    const position = confirmed.headers.get('x-event-position') ?? '';
    const view = await call('GET', `/v1/accounts/${accountId}`, undefined, { 'X-Min-Position': position, 'X-Actor': 'test' });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ accountId, emailVerified: true });

    const metrics = (await call('GET', '/metrics')).body as string;
    expect(metrics).toMatch(/^warden_mails_sent_total\{template="[a-z-]+"\} 1$/m);
    // Process-wide figures once, from the main thread, not summed over the threads.
    expect(metrics.match(/^process_resident_memory_bytes /gm)).toHaveLength(1);
  }, 60_000);

  it('stops both threads and exits cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
