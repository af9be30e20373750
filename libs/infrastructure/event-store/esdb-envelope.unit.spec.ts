import { fromEsdbRecord, isUserEvent, type EsdbRecord } from './esdb-envelope';
import { chainEvents, GENESIS_HASH, verifyChain } from './hash-chain';
import { sampleEvent } from './testing/sample-events';

const POSITION = '00000000000000000100/00000000000000000100';

function recordOf(metadata: unknown, data: unknown = { n: 1 }): EsdbRecord {
  return { streamId: 'account-1', id: 'e1', revision: 0n, type: 'LoginFailed', isJson: true, data, metadata };
}

const validMetadata = {
  correlationId: 'c',
  causationId: 'k',
  actor: { type: 'service', id: 'frontend' },
  prevHash: GENESIS_HASH,
  hash: 'h',
  schemaVersion: 2,
  occurredAt: '2025-01-01T00:00:00.000Z',
  $correlationId: 'c',
  $causationId: 'k',
};

describe('EventStoreDB envelope', () => {
  it('reads the envelope back without the ESDB-only fields', () => {
    expect(fromEsdbRecord(recordOf(validMetadata), POSITION)).toEqual({
      streamId: 'account-1',
      revision: 0,
      position: POSITION,
      eventId: 'e1',
      type: 'LoginFailed',
      schemaVersion: 2,
      occurredAt: '2025-01-01T00:00:00.000Z',
      data: { n: 1 },
      metadata: { correlationId: 'c', causationId: 'k', actor: { type: 'service', id: 'frontend' }, prevHash: GENESIS_HASH, hash: 'h' },
    });
  });

  it('keeps actor and client exactly as stored, so their hash still verifies', () => {
    const event = sampleEvent();
    const withExtras = {
      ...event,
      metadata: {
        ...event.metadata,
        actor: { ...event.metadata.actor, onBehalfOf: 'u1', label: 'extra' },
        client: { ip: 'enc', userAgent: 'enc', deviceId: 'd1', extra: true },
      },
    };
    const [chained] = chainEvents('account-1', GENESIS_HASH, 0, [withExtras]);
    const stored = { ...chained.metadata, schemaVersion: 1, occurredAt: chained.occurredAt };
    const read = fromEsdbRecord({ ...recordOf(stored, chained.data), id: chained.eventId }, POSITION);
    expect(verifyChain([read]).valid).toBe(true);
  });

  it('refuses events this adapter did not write', () => {
    expect(() => fromEsdbRecord({ ...recordOf(validMetadata), isJson: false }, POSITION)).toThrow(/JSON object/);
    expect(() => fromEsdbRecord(recordOf(validMetadata, [1, 2]), POSITION)).toThrow(/JSON object/);
    expect(() => fromEsdbRecord(recordOf(undefined), POSITION)).toThrow(/no envelope/);
    expect(() => fromEsdbRecord(recordOf({ ...validMetadata, hash: undefined }), POSITION)).toThrow(/incomplete/);
    expect(() => fromEsdbRecord(recordOf({ ...validMetadata, actor: { type: 'root', id: 'x' } }), POSITION)).toThrow(/actor/);
    expect(() => fromEsdbRecord(recordOf({ ...validMetadata, client: { ip: 1 } }), POSITION)).toThrow(/client/);
  });

  it('tells system events from ours', () => {
    expect(isUserEvent({ streamId: 'account-1', type: 'LoginFailed' })).toBe(true);
    expect(isUserEvent({ streamId: '$stats-node', type: '$statsCollected' })).toBe(false);
    expect(isUserEvent({ streamId: '$$account-1', type: '$metadata' })).toBe(false);
    expect(isUserEvent({ streamId: '$ce-account', type: 'LoginFailed' })).toBe(false);
  });
});
