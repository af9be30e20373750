import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import { SqliteEventStore } from '@warden/infrastructure/event-store/sqlite-event-store';
import { SqliteKeyStore } from '@warden/infrastructure/keys/sqlite-key-store';
import { SqliteReadStore } from '@warden/infrastructure/read-store/sqlite-read-store';
import { comparePositions } from '@warden/shared/position';
import { ACCOUNT_PROJECTIONS } from './account-projections';
import { cleanAccountReadModels, snapshotAccountReadModels } from './testing/account-read-models';
import { ProjectorChild, type ProjectorLine } from './testing/projector-child';
import { seedRealisticHistory } from './testing/realistic-history';

const MASTER_KEY = '5a'.repeat(32);
const LEASE_TTL_MS = 1500;
const BATCH = 40;
const NAMES = ACCOUNT_PROJECTIONS.map((p) => p.name);

type Batch = Extract<ProjectorLine, { kind: 'batch' }>;

/**
 * Several projector processes on the same files: one holds each projection's lease, the
 * other stands by. Real child processes, killed for real (SIGKILL) or paused (SIGSTOP).
 */
describe('projector failover (real processes on SQLite files)', () => {
  let dir: string;
  let events: SqliteEventStore;
  let keys: SqliteKeyStore;
  let keyring: DataKeyring;
  let children: ProjectorChild[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-failover-'));
    events = new SqliteEventStore(join(dir, 'events.db'));
    keys = new SqliteKeyStore(join(dir, 'keys.db'));
    keyring = new DataKeyring(keys, Buffer.from(MASTER_KEY, 'hex'));
    children = [];
    await seedRealisticHistory(events, new AccountEventCodec(keyring), 100);
  }, 60_000);

  afterEach(async () => {
    for (const child of children) {
      child.signal('SIGCONT');
      await child.kill();
    }
    await events.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function projector(batch = BATCH): ProjectorChild {
    const child = new ProjectorChild({ DATA_DIR: dir, MASTER_KEY, LEASE_TTL_MS, BATCH: batch });
    children.push(child);
    return child;
  }

  const batchesOf = (lines: ProjectorLine[], projection: string): Batch[] =>
    lines.filter((line): line is Batch => line.kind === 'batch' && line.projection === projection);

  const reached = (lines: ProjectorLine[], position: string): boolean =>
    NAMES.every((name) => batchesOf(lines, name).some((batch) => batch.last === position));

  /** Per projection, the ranges both processes committed never overlap: nothing was written twice. */
  function expectDisjointRanges(a: ProjectorLine[], b: ProjectorLine[]): void {
    for (const name of NAMES) {
      const ranges = [...batchesOf(a, name), ...batchesOf(b, name)].sort((x, y) => comparePositions(x.first, y.first));
      for (let i = 1; i < ranges.length; i++) expect(comparePositions(ranges[i - 1].last, ranges[i].first)).toBeLessThan(0);
    }
  }

  async function expectModelsEqualCleanRun(): Promise<void> {
    const live = new SqliteReadStore(join(dir, 'read-models.db'));
    const clean = new SqliteReadStore(join(dir, 'clean.db'));
    try {
      expect(await snapshotAccountReadModels(live)).toEqual(await cleanAccountReadModels(events, keyring, clean));
    } finally {
      await live.close();
      await clean.close();
    }
  }

  it(
    'a standby takes over within the lease TTL when the holder is killed, resumes from the checkpoint, writes nothing twice',
    async () => {
      // Small batches, so that it is killed half-way (1,200 events, 5 per batch).
      const holder = projector(5);
      // Some progress on every projection.
      await holder.until((lines) => NAMES.every((name) => batchesOf(lines, name).length >= 2));
      const standby = projector();
      // It stands by: refused every lease, while the holder goes on committing.
      await standby.until((lines) => NAMES.every((name) => lines.some((l) => l.kind === 'lease' && l.projection === name && !l.held)));
      // More work while both run (360 events, 5 per batch): the holder alone takes it on.
      const committed = holder.batches().length;
      await seedRealisticHistory(events, new AccountEventCodec(keyring), 30);
      await holder.until(() => holder.batches().length >= committed + NAMES.length * 4);
      expect(standby.lines.filter((line) => line.kind === 'batch' || (line.kind === 'lease' && line.held))).toEqual([]);

      holder.signal('SIGKILL');
      const killedAt = Date.now();
      await holder.exited;
      // New events too, so the standby has work even if the holder had got to the end.
      await seedRealisticHistory(events, new AccountEventCodec(keyring), 3);
      const head = (await events.headPosition()) ?? '';
      await standby.until((lines) => reached(lines, head));

      for (const name of NAMES) {
        const takeover = standby.lines.find((line) => line.kind === 'lease' && line.projection === name && line.held);
        // (The first lease line of each projection, `held: false`, is the standby's refusal.)
        expect(takeover).toBeDefined();
        // The holder renewed at most a third of the TTL before it died; a standby asks every fifth.
        expect((takeover as { at: number }).at - killedAt).toBeLessThan(LEASE_TTL_MS * 1.2 + 1000);
        // Resumed after the holder's last commit, not from the start of the log.
        const holderLast = batchesOf(holder.lines, name).at(-1)?.last ?? '';
        expect(comparePositions(batchesOf(standby.lines, name)[0].first, holderLast)).toBeGreaterThan(0);
      }
      expectDisjointRanges(holder.lines, standby.lines);
      await expectModelsEqualCleanRun();
    },
    120_000,
  );

  it(
    'a holder paused past its lease is fenced: once resumed it writes nothing, and gives the projections up',
    async () => {
      const holder = projector();
      const head = (await events.headPosition()) ?? '';
      // Paused while idle: a process stopped inside a SQLite write would hold the file's lock.
      await holder.until((lines) => reached(lines, head));
      const standby = projector();
      await standby.until((lines) => lines.some((line) => line.kind === 'ready'));

      holder.signal('SIGSTOP');
      await standby.until((lines) => NAMES.every((name) => lines.some((l) => l.kind === 'lease' && l.projection === name && l.held)));
      const more = await seedRealisticHistory(events, new AccountEventCodec(keyring), 5);
      expect(more).toBeGreaterThan(0);
      const newHead = (await events.headPosition()) ?? '';
      await standby.until((lines) => reached(lines, newHead));

      holder.signal('SIGCONT');
      await holder.until((lines) => NAMES.every((name) => lines.some((l) => l.kind === 'lease' && l.projection === name && !l.held)));
      // Woken again by appends, the old holder still writes nothing.
      const last = await seedRealisticHistory(events, new AccountEventCodec(keyring), 2);
      expect(last).toBeGreaterThan(0);
      const finalHead = (await events.headPosition()) ?? '';
      await standby.until((lines) => reached(lines, finalHead));

      expect(holder.lines.filter((line) => line.kind === 'error')).toEqual([]);
      expectDisjointRanges(holder.lines, standby.lines);
      expect(batchesOf(holder.lines, 'accounts').every((b) => comparePositions(b.last, head) <= 0)).toBe(true);
      await expectModelsEqualCleanRun();
    },
    120_000,
  );
});
