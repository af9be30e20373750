import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AccountCommand } from '@warden/account/account.commands';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import { AccountBusyError } from './account-busy.error';
import { PasswordAttempt } from '../shared/password-attempt';
import { MAX_ATTEMPTS, type CommandBuilder } from './account-command-runner';
import { activeAccount, openReplica, seed, TEST_META, type Replica } from './testing/replica';

const rename = (name: string): CommandBuilder => (_state, now): AccountCommand => ({ type: 'ChangeDisplayName', now: now.toISOString(), displayName: name });

describe('AccountCommandRunner under contention (real SQLite files)', () => {
  let dir: string;
  let one: Replica;
  let two: Replica;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-runner-'));
    one = openReplica(dir);
    two = openReplica(dir);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function newAccount(): Promise<string> {
    const accountId = randomUUID();
    await seed(one, accountId, activeAccount(accountId));
    return accountId;
  }
  const typesIn = async (accountId: string) => (await one.events.readStream(accountStream(accountId))).map((e) => e.type);

  it('takes the commands of one account in turn: 20 slow builders, 20 builds, no retry', async () => {
    const accountId = await newAccount();
    let builds = 0;
    const slowRename = (i: number): CommandBuilder => async (state, now) => {
      builds++;
      await sleep(2); // long enough for every other command to load the same revision, were they not queued
      return rename(`Ann ${i}`)(state, now);
    };

    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => one.runner.run(accountId, slowRename(i), TEST_META)));

    expect(builds).toBe(20);
    expect(outcomes.map((o) => o.state.displayName)).toEqual(Array.from({ length: 20 }, (_, i) => `Ann ${i}`));
    expect((await typesIn(accountId)).filter((t) => t === 'DisplayNameChanged')).toHaveLength(20);
  });

  it('retries conflicts between two processes until every command is in', async () => {
    const accountId = await newAccount();
    const slowRename = (name: string): CommandBuilder => async (state, now) => {
      await sleep(1);
      return rename(name)(state, now);
    };

    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).runner.run(accountId, slowRename(`Ann ${i}`), TEST_META)),
    );

    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect((await typesIn(accountId)).filter((t) => t === 'DisplayNameChanged')).toHaveLength(20);
  });

  it('decides a retry on fresh state: the second decision sees what the other process appended', async () => {
    const accountId = await newAccount();
    const seen: string[] = [];
    // The other process renames to 'Bea' between this one's load and its append.
    const overtakenOnce: CommandBuilder = async (state, now) => {
      seen.push(state.displayName);
      if (seen.length === 1) await two.runner.run(accountId, rename('Bea'), TEST_META);
      return rename('Bea')(state, now);
    };

    const outcome = await one.runner.run(accountId, overtakenOnce, TEST_META);

    expect(seen).toEqual(['Ann', 'Bea']);
    // Decided on the stale state it would append a second rename; on the fresh one there is nothing to do.
    expect(outcome.events).toEqual([]);
    expect(outcome.state.displayName).toBe('Bea');
    expect((await typesIn(accountId)).filter((t) => t === 'DisplayNameChanged')).toHaveLength(1);
  });

  it('answers 503 busy with a retry time when another process wins every attempt', async () => {
    const accountId = await newAccount();
    let builds = 0;
    // Each time this process decides, the other one appends first: every append conflicts.
    const alwaysOvertaken: CommandBuilder = async (state, now) => {
      builds++;
      await two.runner.run(accountId, rename(`Overtaker ${builds}`), TEST_META);
      return rename('Never')(state, now);
    };

    const error = await one.runner.run(accountId, alwaysOvertaken, TEST_META).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AccountBusyError);
    expect(error).toMatchObject({ code: 'busy', status: 503, details: { retryAfterSeconds: 1 } });
    expect(builds).toBe(MAX_ATTEMPTS);
    const names = (await one.repository.load(accountId)).state.displayName;
    expect(names).toBe(`Overtaker ${MAX_ATTEMPTS}`);
  });

  describe('bcrypt once per request', () => {
    /** A bcrypt that counts its comparisons, and a builder another process overtakes once. */
    function rig(accountId: string, overtake: () => Promise<void>) {
      const compared: string[] = [];
      const attempt = new PasswordAttempt({ hash: async () => 'h', verify: async (_p, stored) => (compared.push(String(stored)), true) }, 'pw');
      let builds = 0;
      const build: CommandBuilder = async (state, now) => {
        if (++builds === 1) await overtake();
        return rename(`checked ${await attempt.matches(state)}`)(state, now);
      };
      const run = () => one.runner.run(accountId, build, TEST_META, { prepare: (state) => attempt.matches(state) });
      return { compared, run, builds: () => builds };
    }

    it('reuses the comparison on a retry when the stored hash did not change', async () => {
      const accountId = await newAccount();
      const { compared, run, builds } = rig(accountId, async () => void (await two.runner.run(accountId, rename('Other'), TEST_META)));
      await run();
      expect(builds()).toBe(2);
      expect(compared).toHaveLength(1);
    });

    it('compares again when another process changed the password meanwhile', async () => {
      const accountId = await newAccount();
      const { compared, run, builds } = rig(accountId, () => seed(two, accountId, [{ type: 'PasswordChanged', data: { passwordHash: '$2b$new' } }]));
      await run();
      expect(builds()).toBe(2);
      expect(compared).toEqual([expect.stringMatching(/^\$2b\$04\$/), '$2b$new']);
    });
  });
});
