import type { EventToAppend, RecordedEvent } from '@warden/shared/envelope';
import { positionOf } from '@warden/shared/position';
import { chainEvents, GENESIS_HASH, hashEvent, verifyChain } from './hash-chain';

const STREAM = 'account-1';

function event(n: number, data: Record<string, unknown> = { n }): EventToAppend {
  return {
    eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'LoginFailed',
    schemaVersion: 1,
    occurredAt: `2025-01-01T00:00:0${n}.000Z`,
    data,
    metadata: { correlationId: `c${n}`, causationId: `k${n}`, actor: { type: 'service', id: 'frontend' } },
  };
}

/** Three events as a store would return them. */
function storedStream(): RecordedEvent[] {
  return chainEvents(STREAM, GENESIS_HASH, 0, [event(0), event(1), event(2)]).map((e, i) => ({
    ...e,
    position: positionOf(i + 1),
  }));
}

describe('hash chain', () => {
  it('starts at the genesis hash and links each event to the previous one', () => {
    const [first, second] = chainEvents(STREAM, GENESIS_HASH, 0, [event(0), event(1)]);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(first.metadata.prevHash).toBe(GENESIS_HASH);
    expect(first.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second.metadata.prevHash).toBe(first.metadata.hash);
    expect([first.revision, second.revision]).toEqual([0, 1]);
    expect(first.streamId).toBe(STREAM);
  });

  it('continues a stream from its stored head', () => {
    const [head] = chainEvents(STREAM, GENESIS_HASH, 0, [event(0)]);
    const [next] = chainEvents(STREAM, head.metadata.hash, 1, [event(1)]);
    const all = [head, next].map((e, i) => ({ ...e, position: positionOf(i + 1) }));
    expect(verifyChain(all)).toEqual({ valid: true, events: 2, headHash: next.metadata.hash });
  });

  it('is deterministic and independent of key order', () => {
    const a = chainEvents(STREAM, GENESIS_HASH, 0, [event(0, { a: 1, b: { c: 2, d: 3 } })]);
    const b = chainEvents(STREAM, GENESIS_HASH, 0, [event(0, { b: { d: 3, c: 2 }, a: 1 })]);
    expect(a[0].metadata.hash).toBe(b[0].metadata.hash);
  });

  it('covers the stream, the revision and the client context', () => {
    const base = { ...event(0), streamId: STREAM, revision: 0, prevHash: GENESIS_HASH };
    const hash = hashEvent(base);
    expect(hashEvent({ ...base, streamId: 'account-2' })).not.toBe(hash);
    expect(hashEvent({ ...base, revision: 1 })).not.toBe(hash);
    const client = { ip: 'enc:ip', userAgent: 'enc:ua' };
    expect(hashEvent({ ...base, metadata: { ...base.metadata, client } })).not.toBe(hash);
  });

  it('hashes the event as a JSON store keeps it', () => {
    const [chained] = chainEvents(STREAM, GENESIS_HASH, 0, [
      event(0, { at: new Date('2025-01-01T00:00:00.000Z'), gone: undefined }),
    ]);
    expect(chained.data).toEqual({ at: '2025-01-01T00:00:00.000Z' });
    const reread: RecordedEvent = JSON.parse(JSON.stringify({ ...chained, position: positionOf(1) }));
    expect(verifyChain([reread]).valid).toBe(true);
  });

  it('keeps only the envelope fields in metadata', () => {
    const extra = { ...event(0), metadata: { ...event(0).metadata, note: 'not covered' } };
    const [chained] = chainEvents(STREAM, GENESIS_HASH, 0, [extra]);
    expect(Object.keys(chained.metadata).sort()).toEqual(['actor', 'causationId', 'correlationId', 'hash', 'prevHash']);
  });

  it('accepts an intact stream and an empty one', () => {
    const events = storedStream();
    expect(verifyChain(events)).toEqual({ valid: true, events: 3, headHash: events[2].metadata.hash });
    expect(verifyChain([])).toEqual({ valid: true, events: 0, headHash: GENESIS_HASH });
  });

  it('detects an edited event', () => {
    const events = storedStream();
    events[1] = { ...events[1], data: { n: 99 } };
    expect(verifyChain(events)).toEqual({
      valid: false,
      brokenAt: { revision: 1, eventId: events[1].eventId, reason: 'hash_mismatch' },
    });
  });

  it('detects edited metadata', () => {
    const events = storedStream();
    events[2] = { ...events[2], metadata: { ...events[2].metadata, actor: { type: 'support', id: 'eve' } } };
    expect(verifyChain(events)).toMatchObject({ valid: false, brokenAt: { revision: 2, reason: 'hash_mismatch' } });
  });

  it('detects a removed event', () => {
    const events = storedStream();
    const withoutMiddle = [events[0], events[2]];
    expect(verifyChain(withoutMiddle)).toEqual({
      valid: false,
      brokenAt: { revision: 1, eventId: events[2].eventId, reason: 'revision_gap' },
    });
  });

  it('detects a removed event whose successors were renumbered', () => {
    const events = storedStream();
    const renumbered = [events[0], { ...events[2], revision: 1 }];
    expect(verifyChain(renumbered)).toMatchObject({ valid: false, brokenAt: { revision: 1, reason: 'prev_hash_mismatch' } });
  });

  it('detects reordered events', () => {
    const events = storedStream();
    expect(verifyChain([events[1], events[0], events[2]])).toMatchObject({
      valid: false,
      brokenAt: { revision: 0, eventId: events[1].eventId, reason: 'revision_gap' },
    });
    const swappedRevisions = [
      { ...events[1], revision: 0 },
      { ...events[0], revision: 1 },
    ];
    expect(verifyChain(swappedRevisions)).toMatchObject({ valid: false, brokenAt: { revision: 0, reason: 'prev_hash_mismatch' } });
  });

  it('detects a rewritten event whose own hash was recomputed', () => {
    const events = storedStream();
    const forged = chainEvents(STREAM, events[0].metadata.hash, 1, [event(1, { n: 'forged' })])[0];
    events[1] = { ...forged, position: events[1].position };
    expect(verifyChain(events)).toMatchObject({ valid: false, brokenAt: { revision: 2, reason: 'prev_hash_mismatch' } });
  });

  it('detects an event from another stream', () => {
    const events = storedStream();
    const foreign = chainEvents('account-2', events[0].metadata.hash, 1, [event(1)])[0];
    events[1] = { ...foreign, position: events[1].position };
    expect(verifyChain(events)).toMatchObject({ valid: false, brokenAt: { revision: 1, reason: 'stream_mismatch' } });
  });
});
