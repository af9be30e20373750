import type { EventToAppend, RecordedEvent } from '@warden/shared/envelope';
import { comparePositions } from '@warden/shared/position';
import { openForSuite } from '@warden/shared/testing/suite-resource';
import { type EventFeed, type EventStore, WrongExpectedRevisionError } from '../event-store.port';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { eventually, idsOf, sampleEvent, sampleEvents, uniqueStreamId } from './sample-events';

/** Time for anything that crosses a network or waits for a poll. */
const SLOW = 20_000;

/**
 * What every EventStore adapter must do, run against each of them. Stream ids are unique
 * per test, and global reads only look at this test's streams, so the suite can run
 * against a server that other runs share.
 */
export function describeEventStoreContract(name: string, create: () => Promise<EventStore>): void {
  describe(`${name} (EventStore contract)`, () => {

    const store = openForSuite(create, SLOW);

    async function expectRevisionError(
      append: Promise<unknown>,
      expected: WrongExpectedRevisionError['expected'],
      actual: WrongExpectedRevisionError['actual'],
    ): Promise<void> {
      const error = await append.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ expected, actual });
    }

    describe('append', () => {
      it('creates a stream with no_stream and returns what it recorded', async () => {
        const streamId = uniqueStreamId('create');
        const events = sampleEvents(3);
        const result = await store().append(streamId, events, 'no_stream');

        expect(result.revision).toBe(2);
        expect(result.events.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(idsOf(result.events)).toEqual(idsOf(events));
        expect(result.events.every((e) => e.streamId === streamId)).toBe(true);
        expect(result.position).toBe(result.events[2].position);
        expect(await store().readStream(streamId)).toEqual(result.events);
      });

      it('keeps the envelope exactly as given', async () => {
        const streamId = uniqueStreamId('envelope');
        const event: EventToAppend = {
          ...sampleEvent('AccountRegistered', {
            email: 'v1:enc:3q2+7w==',
            profile: { displayName: 'Zoë 😀', tags: ['a', 'b'], age: 42, admin: false, note: null },
          }),
          schemaVersion: 3,
          metadata: {
            correlationId: 'corr-1',
            causationId: 'cause-1',
            actor: { type: 'support', id: 'desk-7', onBehalfOf: 'user-1' },
            client: { ip: 'v1:enc:ip', userAgent: 'v1:enc:ua', deviceId: 'device-1' },
          },
        };
        await store().append(streamId, [event], 'no_stream');
        const [read] = await store().readStream(streamId);

        expect(read).toMatchObject({
          eventId: event.eventId,
          type: event.type,
          schemaVersion: 3,
          occurredAt: event.occurredAt,
          data: event.data,
          metadata: { ...event.metadata, prevHash: GENESIS_HASH },
        });
        expect(Object.keys(read.metadata).sort()).toEqual(
          ['actor', 'causationId', 'client', 'correlationId', 'hash', 'prevHash'],
        );
      });

      it('appends at the exact revision of the last event', async () => {
        const streamId = uniqueStreamId('exact');
        await store().append(streamId, sampleEvents(2), 'no_stream');
        const result = await store().append(streamId, sampleEvents(2), 1);

        expect(result.revision).toBe(3);
        expect((await store().readStream(streamId)).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      });

      it('refuses a wrong revision and writes nothing', async () => {
        const streamId = uniqueStreamId('wrong');
        await store().append(streamId, sampleEvents(2), 'no_stream');

        await expectRevisionError(store().append(streamId, [sampleEvent()], 5), 5, 1);
        await expectRevisionError(store().append(streamId, [sampleEvent()], 0), 0, 1);
        expect(await store().readStream(streamId)).toHaveLength(2);
      });

      it('refuses no_stream when the stream exists', async () => {
        const streamId = uniqueStreamId('exists');
        await store().append(streamId, sampleEvents(2), 'no_stream');

        await expectRevisionError(store().append(streamId, [sampleEvent()], 'no_stream'), 'no_stream', 1);
        expect(await store().readStream(streamId)).toHaveLength(2);
      });

      it('refuses a revision when the stream does not exist', async () => {
        const streamId = uniqueStreamId('missing');
        const error = await store().append(streamId, [sampleEvent()], 0).catch((reason: unknown) => reason);

        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId, expected: 0, actual: 'no_stream' });
        expect(await store().readStream(streamId)).toEqual([]);
      });

      it(
        'lets exactly one of 8 concurrent no_stream appends win',
        async () => {
          const streamId = uniqueStreamId('race');
          const attempts = Array.from({ length: 8 }, () => sampleEvents(2));
          const outcomes = await Promise.allSettled(attempts.map((events) => store().append(streamId, events, 'no_stream')));

          const won = outcomes.filter((o) => o.status === 'fulfilled');
          const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(7);
          for (const reason of lost) expect(reason).toBeInstanceOf(WrongExpectedRevisionError);

          const winner = attempts[outcomes.findIndex((o) => o.status === 'fulfilled')];
          const stored = await store().readStream(streamId);
          expect(idsOf(stored)).toEqual(idsOf(winner));
          expect(verifyChain(stored).valid).toBe(true);
        },
        SLOW,
      );

      it(
        'lets exactly one of 8 concurrent appends at the same revision win',
        async () => {
          const streamId = uniqueStreamId('race-rev');
          await store().append(streamId, [sampleEvent()], 'no_stream');
          const outcomes = await Promise.allSettled(
            Array.from({ length: 8 }, () => store().append(streamId, [sampleEvent()], 0)),
          );

          expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
          for (const o of outcomes) {
            if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
          }
          const stored = await store().readStream(streamId);
          expect(stored).toHaveLength(2);
          expect(verifyChain(stored).valid).toBe(true);
        },
        SLOW,
      );
    });

    describe('readStream', () => {
      let streamId: string;
      let appended: RecordedEvent[];

      beforeAll(async () => {
        streamId = uniqueStreamId('read');
        appended = (await store().append(streamId, sampleEvents(5), 'no_stream')).events;
      }, SLOW);

      const revisions = (events: RecordedEvent[]) => events.map((e) => e.revision);

      it('reads forwards by default', async () => {
        expect(await store().readStream(streamId)).toEqual(appended);
      });

      it('reads backwards', async () => {
        expect(revisions(await store().readStream(streamId, { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
      });

      it('reads from a revision, inclusive, in either direction', async () => {
        expect(revisions(await store().readStream(streamId, { fromRevision: 2 }))).toEqual([2, 3, 4]);
        expect(revisions(await store().readStream(streamId, { direction: 'backwards', fromRevision: 2 }))).toEqual([2, 1, 0]);
      });

      it('reads at most maxCount events', async () => {
        expect(revisions(await store().readStream(streamId, { maxCount: 2 }))).toEqual([0, 1]);
        expect(revisions(await store().readStream(streamId, { direction: 'backwards', maxCount: 1 }))).toEqual([4]);
        expect(revisions(await store().readStream(streamId, { fromRevision: 3, maxCount: 10 }))).toEqual([3, 4]);
      });

      it('returns an empty array for an unknown stream or past the end', async () => {
        expect(await store().readStream(uniqueStreamId('unknown'))).toEqual([]);
        expect(await store().readStream(uniqueStreamId('unknown'), { direction: 'backwards' })).toEqual([]);
        expect(await store().readStream(streamId, { fromRevision: 5 })).toEqual([]);
      });
    });

    describe('hash chain', () => {
      it('links every event of a stream across appends, from the genesis hash', async () => {
        const streamId = uniqueStreamId('chain');
        await store().append(streamId, sampleEvents(2), 'no_stream');
        await store().append(streamId, sampleEvents(3), 1);
        const stored = await store().readStream(streamId);

        expect(stored[0].metadata.prevHash).toBe(GENESIS_HASH);
        for (let i = 1; i < stored.length; i++) expect(stored[i].metadata.prevHash).toBe(stored[i - 1].metadata.hash);
        expect(verifyChain(stored)).toEqual({ valid: true, events: 5, headHash: stored[4].metadata.hash });
      });

      it('keeps streams independent', async () => {
        const a = uniqueStreamId('chain-a');
        const b = uniqueStreamId('chain-b');
        await store().append(a, [sampleEvent()], 'no_stream');
        await store().append(b, [sampleEvent()], 'no_stream');

        expect((await store().readStream(b))[0].metadata.prevHash).toBe(GENESIS_HASH);
        expect(verifyChain(await store().readStream(a)).valid).toBe(true);
      });
    });

    describe('global order', () => {
      it('reads every stream in append order, strictly after a position', async () => {
        const a = uniqueStreamId('all-a');
        const b = uniqueStreamId('all-b');
        const before = await store().headPosition();
        const first = await store().append(a, sampleEvents(2), 'no_stream');
        const second = await store().append(b, sampleEvents(1), 'no_stream');
        const third = await store().append(a, sampleEvents(1), 1);
        const ours = (events: RecordedEvent[]) => events.filter((e) => e.streamId === a || e.streamId === b);

        const all = ours(await store().readAll({ after: before }));
        expect(idsOf(all)).toEqual(idsOf([...first.events, ...second.events, ...third.events]));
        expect(all.map((e) => [e.streamId, e.revision])).toEqual([[a, 0], [a, 1], [b, 0], [a, 2]]);

        const afterFirst = ours(await store().readAll({ after: first.events[0].position }));
        expect(idsOf(afterFirst)).toEqual(idsOf(all.slice(1)));
        expect(ours(await store().readAll({ after: third.position }))).toEqual([]);
      });

      it('gives increasing, fixed-width positions', async () => {
        const streamId = uniqueStreamId('positions');
        const first = await store().append(streamId, sampleEvents(3), 'no_stream');
        const second = await store().append(streamId, sampleEvents(1), 2);
        const positions = [...first.events, ...second.events].map((e) => e.position);

        for (let i = 1; i < positions.length; i++) expect(comparePositions(positions[i - 1], positions[i])).toBe(-1);
        expect(new Set(positions.map((p) => p.length)).size).toBe(1);
        expect((await store().readStream(streamId)).map((e) => e.position)).toEqual(positions);
      });

      it('reads at most maxCount events', async () => {
        const before = await store().headPosition();
        await store().append(uniqueStreamId('all-max'), sampleEvents(3), 'no_stream');
        expect(await store().readAll({ after: before, maxCount: 2 })).toHaveLength(2);
      });

      it('reports the head position', async () => {
        const result = await store().append(uniqueStreamId('head'), sampleEvents(2), 'no_stream');
        const head = await store().headPosition();

        expect(head).toBeDefined();
        expect(comparePositions(head ?? '', result.position)).toBeGreaterThanOrEqual(0);
      });
    });

    describe('openFeed', () => {
      /** Asks the feed until `count` events of `streamId` came (failing after a while); the sizes of all its batches. */
      async function take(feed: EventFeed, streamId: string, count: number, maxCount = 100) {
        const events: RecordedEvent[] = [];
        const batches: number[] = [];
        const deadline = Date.now() + SLOW / 2;
        while (events.length < count) {
          if (Date.now() > deadline) throw new Error(`the feed gave ${events.length} of ${count} events of ${streamId}`);
          const batch = await feed.next(maxCount);
          batches.push(batch.length);
          events.push(...batch.filter((e) => e.streamId === streamId));
          if (batch.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return { events, batches };
      }

      it(
        'hands out what follows a checkpoint, strictly after it, in order, at most maxCount at a time, then what is appended later',
        async () => {
          const streamId = uniqueStreamId('feed');
          const history = (await store().append(streamId, sampleEvents(5), 'no_stream')).events;
          const feed = store().openFeed(history[0].position, { onReady: () => undefined });
          try {
            const caughtUp = await take(feed, streamId, 4, 2);
            expect(idsOf(caughtUp.events)).toEqual(idsOf(history.slice(1)));
            expect(Math.max(...caughtUp.batches)).toBeLessThanOrEqual(2);

            const live = (await store().append(streamId, sampleEvents(2), 4)).events;
            const followed = await take(feed, streamId, 2);
            expect(idsOf(followed.events)).toEqual(idsOf(live));
            expect(verifyChain([...history, ...followed.events]).valid).toBe(true);
            expect(followed.events.map((e) => e.position)).toEqual(live.map((e) => e.position));
          } finally {
            await feed.close();
          }
        },
        SLOW,
      );

      it(
        'hands out many events at once while catching up',
        async () => {
          const before = await store().headPosition();
          const streamId = uniqueStreamId('feed-batch');
          const appended = (await store().append(streamId, sampleEvents(20), 'no_stream')).events;
          const feed = store().openFeed(before, { onReady: () => undefined });
          try {
            const { events, batches } = await take(feed, streamId, 20, 50);
            expect(idsOf(events)).toEqual(idsOf(appended));
            expect(Math.max(...batches)).toBeGreaterThan(1);
          } finally {
            await feed.close();
          }
        },
        SLOW,
      );

      it(
        'tells its consumer when events come after it has caught up',
        async () => {
          let ready = 0;
          const feed = store().openFeed(await store().headPosition(), { onReady: () => ready++ });
          try {
            const streamId = uniqueStreamId('feed-ready');
            const appended = (await store().append(streamId, sampleEvents(1), 'no_stream')).events;
            await eventually(() => expect(ready).toBeGreaterThan(0), SLOW / 2);
            expect(idsOf((await take(feed, streamId, 1)).events)).toEqual(idsOf(appended));
          } finally {
            await feed.close();
          }
        },
        SLOW,
      );

      it(
        'keeps feeds independent: each resumes after its own position',
        async () => {
          const streamId = uniqueStreamId('feed-two');
          const events = (await store().append(streamId, sampleEvents(3), 'no_stream')).events;
          const early = store().openFeed(events[0].position, { onReady: () => undefined });
          const late = store().openFeed(events[1].position, { onReady: () => undefined });
          try {
            expect(idsOf((await take(late, streamId, 1)).events)).toEqual(idsOf(events.slice(2)));
            expect(idsOf((await take(early, streamId, 2)).events)).toEqual(idsOf(events.slice(1)));
          } finally {
            await Promise.all([early.close(), late.close()]);
          }
        },
        SLOW,
      );
    });

    it('answers ping', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });
  });
}
