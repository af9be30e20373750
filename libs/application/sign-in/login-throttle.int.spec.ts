import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '@warden/infrastructure/config/warden-config';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import { SqliteReadStore } from '@warden/infrastructure/read-store/sqlite-read-store';
import { DomainError } from '@warden/shared/errors';
import { LoginThrottle } from './login-throttle';

/** One login as the handler runs it: admitted, a password check that takes real time, settled. */
async function login(throttle: LoginThrottle, email: string, ip: string, correct: boolean): Promise<string> {
  try {
    const attempt = await throttle.admit(throttle.keysFor(email, ip), () => new Date());
    try {
      await sleep(20); // the bcrypt comparison
      if (correct) await attempt.succeeded(new Date());
      else await attempt.failed(new Date());
      return correct ? 'session' : 'invalid_credentials';
    } finally {
      await attempt.finish(new Date());
    }
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('LoginThrottle on the SQLite read store, under concurrent attempts', () => {
  let dir: string;
  let store: SqliteReadStore;
  let throttle: LoginThrottle;
  let n = 0;
  const fresh = () => `person-${++n}@example.com`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-throttle-'));
    store = new SqliteReadStore(join(dir, 'read.db'));
    const config = loadConfig({ THROTTLE_ACCOUNT_FREE_FAILURES: '3', THROTTLE_IP_FREE_FAILURES: '1000', THROTTLE_BASE_SECONDS: '30' });
    throttle = new LoginThrottle(store, config, new ServiceKeys(Buffer.alloc(32, 7)));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives a burst of 30 wrong passwords exactly the 3 free password checks; the rest are throttled', async () => {
    const email = fresh();
    const answers = await Promise.all(Array.from({ length: 30 }, () => login(throttle, email, '192.0.2.1', false)));
    expect(answers.filter((a) => a === 'invalid_credentials')).toHaveLength(3);
    expect(answers.filter((a) => a === 'too_many_attempts')).toHaveLength(27);
  });

  it('lets a burst of 20 correct passwords all through: they wait for one another instead of being refused', async () => {
    const email = fresh();
    const answers = await Promise.all(Array.from({ length: 20 }, () => login(throttle, email, '192.0.2.2', true)));
    expect(answers).toEqual(Array(20).fill('session'));
  });

  it('counts an IP across emails, and a refusal under the IP gives back the place taken under the email', async () => {
    const config = loadConfig({ THROTTLE_ACCOUNT_FREE_FAILURES: '3', THROTTLE_IP_FREE_FAILURES: '5', THROTTLE_BASE_SECONDS: '30' });
    const strict = new LoginThrottle(store, config, new ServiceKeys(Buffer.alloc(32, 8)));
    const emails = Array.from({ length: 10 }, fresh);
    const answers = await Promise.all(emails.map((email) => login(strict, email, '192.0.2.3', false)));
    expect(answers.filter((a) => a === 'invalid_credentials')).toHaveLength(5);
    // The refused emails hold nothing: from another IP, each still has its free checks.
    const refused = emails.filter((_, i) => answers[i] === 'too_many_attempts');
    expect(await Promise.all(refused.map((email) => login(strict, email, '198.51.100.9', false)))).toEqual(Array(5).fill('invalid_credentials'));
  });
});
