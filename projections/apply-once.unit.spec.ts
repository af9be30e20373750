import type { ReadCollection } from '@warden/infrastructure/read-store/read-store.port';
import { positionOf } from '@warden/shared/position';
import { applyOnce, insertOnce, isAlreadyApplied, type ProjectedDoc } from './apply-once';

interface Counter extends ProjectedDoc {
  count: number;
}

/** Only get/put matter to the guard; the rest is never called here. */
function memoryCollection<T extends ProjectedDoc>(): ReadCollection<T> & { docs: Map<string, T> } {
  const docs = new Map<string, T>();
  const unused = async (): Promise<never> => {
    throw new Error('not used by apply-once');
  };
  return {
    docs,
    get: async (id) => docs.get(id) ?? null,
    put: async (doc) => void docs.set(doc.id, doc),
    find: unused,
    count: unused,
    delete: unused,
    deleteMany: unused,
    truncate: unused,
    ensureIndex: unused,
  };
}

const increment = (current: Counter | null) => ({ count: (current?.count ?? 0) + 1 });

describe('isAlreadyApplied', () => {
  it('is true at or below the stamped position, false above it or without a stamp', () => {
    const doc = { _position: positionOf(10) };
    expect(isAlreadyApplied(doc, positionOf(9))).toBe(true);
    expect(isAlreadyApplied(doc, positionOf(10))).toBe(true);
    expect(isAlreadyApplied(doc, positionOf(11))).toBe(false);
    expect(isAlreadyApplied(null, positionOf(1))).toBe(false);
    expect(isAlreadyApplied({}, positionOf(1))).toBe(false);
  });
});

describe('applyOnce', () => {
  it('stamps id and position, and ignores an event it already applied', async () => {
    const counters = memoryCollection<Counter>();
    expect(await applyOnce(counters, 'a', positionOf(1), increment)).toBe(true);
    expect(await applyOnce(counters, 'a', positionOf(2), increment)).toBe(true);
    expect(await applyOnce(counters, 'a', positionOf(1), increment)).toBe(false);
    expect(await applyOnce(counters, 'a', positionOf(2), increment)).toBe(false);
    expect(counters.docs.get('a')).toEqual({ id: 'a', _position: positionOf(2), count: 2 });
  });

  it('writes nothing when mutate returns null', async () => {
    const counters = memoryCollection<Counter>();
    expect(await applyOnce(counters, 'a', positionOf(1), () => null)).toBe(false);
    expect(counters.docs.size).toBe(0);
  });
});

describe('insertOnce', () => {
  it('never overwrites an entry already there', async () => {
    const log = memoryCollection<Counter>();
    await insertOnce(log, 'event-1', positionOf(1), { count: 1 });
    await log.put({ id: 'event-1', _position: positionOf(1), count: 99 });
    expect(await insertOnce(log, 'event-1', positionOf(1), { count: 1 })).toBe(false);
    expect(log.docs.get('event-1')?.count).toBe(99);
  });
});
