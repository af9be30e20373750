import { comparePositions, parsePosition, START } from '@warden/shared/position';
import { decodeEsdbPosition, encodeEsdbPosition } from './esdb-position';

describe('EventStoreDB positions', () => {
  it('round-trips commit and prepare, up to u64', () => {
    const max = 2n ** 64n - 1n;
    for (const position of [
      { commit: 0n, prepare: 0n },
      { commit: 1234n, prepare: 1300n },
      { commit: max, prepare: max },
    ]) {
      expect(decodeEsdbPosition(encodeEsdbPosition(position))).toEqual(position);
    }
    expect(encodeEsdbPosition({ commit: 1234n, prepare: 1300n })).toBe('00000000000000001234/00000000000000001300');
  });

  it('orders as $all does: by commit, then prepare', () => {
    const ordered = [
      { commit: 9n, prepare: 9n },
      { commit: 10n, prepare: 10n },
      { commit: 10n, prepare: 95n },
      { commit: 10n, prepare: 100n },
      { commit: 200n, prepare: 200n },
    ].map(encodeEsdbPosition);
    expect([...ordered].reverse().sort(comparePositions)).toEqual(ordered);
  });

  it('treats the shared START as the beginning of the log, and sorts it first', () => {
    expect(decodeEsdbPosition(START)).toBe('start');
    expect(comparePositions(START, encodeEsdbPosition({ commit: 0n, prepare: 0n }))).toBe(-1);
  });

  it('accepts what a client sends back through parsePosition', () => {
    const sent = parsePosition('1234/1300');
    expect(sent && decodeEsdbPosition(sent)).toEqual({ commit: 1234n, prepare: 1300n });
  });

  it('refuses a position from another adapter', () => {
    expect(() => decodeEsdbPosition('00000000000000000042')).toThrow(/not an EventStoreDB/);
    expect(() => decodeEsdbPosition('12/34')).toThrow(/not an EventStoreDB/);
  });
});
