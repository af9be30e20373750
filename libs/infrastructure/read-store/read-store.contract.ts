// One behavioural contract for every ReadStore adapter. Each test works in a collection of
// its own whose name starts with readStoreContractPrefix, so the suite can run against a
// shared MongoDB and a spec can clean up what this run left behind.
import { randomBytes } from 'node:crypto';
import type { Doc, ReadCollection, ReadStore } from './read-store.port';
import { UniqueViolationError } from './unique-violation.error';
import { openForSuite } from '@warden/shared/testing/suite-resource';

/** Collections and checkpoints of this test run start with this. */
export const readStoreContractPrefix = `rsc_${randomBytes(4).toString('hex')}_`;

interface Person extends Doc {
  name?: string | null;
  age?: number;
  admin?: boolean;
  joinedAt?: string;
  [field: string]: unknown;
}

const ada: Person = { id: 'p1', name: 'ada', age: 36, admin: true, joinedAt: '2024-01-05T00:00:00.000Z' };
const bob: Person = { id: 'p2', name: 'bob', age: 7, admin: false, joinedAt: '2024-02-10T00:00:00.000Z' };
const cy: Person = { id: 'p3', name: 'cy', age: 100, admin: false, joinedAt: '2024-03-15T00:00:00.000Z' };
const dee: Person = { id: 'p4', name: 'dee', age: 36, admin: true, joinedAt: '2024-04-20T00:00:00.000Z' };

const ids = (docs: Doc[]): string[] => docs.map((doc) => doc.id);

export function describeReadStoreContract(name: string, create: () => Promise<ReadStore>): void {
  describe(name, () => {
    const store = openForSuite(create);
    let counter = 0;
    const fresh = <T extends Doc = Person>(): ReadCollection<T> => store().collection<T>(`${readStoreContractPrefix}${++counter}`);
    const seeded = async (...docs: Person[]): Promise<ReadCollection<Person>> => {
      const people = fresh();
      for (const doc of docs) await people.put(doc);
      return people;
    };

    it('answers ping', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });

    describe('documents', () => {
      it('gets what was put, and null for an unknown id', async () => {
        const people = await seeded(ada);
        expect(await people.get('p1')).toEqual(ada);
        expect(await people.get('nobody')).toBeNull();
      });

      it('replaces the whole document on a second put', async () => {
        const people = await seeded(ada);
        await people.put({ id: 'p1', name: 'ada lovelace' });
        expect(await people.get('p1')).toEqual({ id: 'p1', name: 'ada lovelace' });
        expect(await people.count({})).toBe(1);
      });

      it('deletes one document, and ignores an unknown id', async () => {
        const people = await seeded(ada, bob);
        await people.delete('p1');
        await people.delete('nobody');
        expect(await people.get('p1')).toBeNull();
        expect(ids(await people.find({}))).toEqual(['p2']);
      });

      it('deletes many by filter and says how many', async () => {
        const people = await seeded(ada, bob, cy, dee);
        expect(await people.deleteMany({ age: 36 })).toBe(2);
        expect(await people.deleteMany({ age: 36 })).toBe(0);
        expect(ids(await people.find({}))).toEqual(['p2', 'p3']);
      });

      it('counts by filter', async () => {
        const people = await seeded(ada, bob, cy, dee);
        expect(await people.count({})).toBe(4);
        expect(await people.count({ admin: false })).toBe(2);
        expect(await people.count({ admin: true, age: 36 })).toBe(2);
        expect(await people.count({ name: 'nobody' })).toBe(0);
      });

      it('truncates, and stays usable', async () => {
        const people = await seeded(ada, bob);
        await people.truncate();
        expect(await people.count({})).toBe(0);
        await people.put(cy);
        expect(ids(await people.find({}))).toEqual(['p3']);
      });

      it('keeps collections apart', async () => {
        const first = await seeded(ada);
        const second = fresh();
        await second.put({ id: 'p1', name: 'other' });
        expect((await first.get('p1'))?.name).toBe('ada');
        expect((await second.get('p1'))?.name).toBe('other');
      });

      it('round-trips booleans, numbers, nulls, strings, nested objects and arrays', async () => {
        const things = fresh<Doc>();
        const doc: Doc = {
          id: 'thing',
          yes: true,
          no: false,
          zero: 0,
          negative: -42,
          fraction: 0.125,
          big: 9007199254740991,
          nothing: null,
          empty: '',
          unicode: 'Zoë 🔐 ñ',
          looksNumeric: '42',
          nested: { flag: false, count: 3, deeper: { list: [1, 'two', true, null] } },
          list: [{ a: 1 }, { b: [2, 3] }],
          emptyList: [],
          emptyObject: {},
        };
        await things.put(doc);
        const back = await things.get('thing');
        expect(back).toEqual(doc);
        expect(typeof back?.yes).toBe('boolean');
        expect(typeof back?.zero).toBe('number');
        expect(typeof back?.looksNumeric).toBe('string');
        expect((await things.find({}))[0]).toEqual(doc);
      });
    });

    describe('find', () => {
      it('returns everything for an empty filter, ordered by id', async () => {
        const people = await seeded(cy, ada, dee, bob);
        expect(ids(await people.find({}))).toEqual(['p1', 'p2', 'p3', 'p4']);
      });

      it('filters by equality on strings, numbers, booleans and several fields at once', async () => {
        const people = await seeded(ada, bob, cy, dee);
        expect(ids(await people.find({ name: 'bob' }))).toEqual(['p2']);
        expect(ids(await people.find({ age: 36 }))).toEqual(['p1', 'p4']);
        expect(ids(await people.find({ admin: false }))).toEqual(['p2', 'p3']);
        expect(ids(await people.find({ admin: true, name: 'dee' }))).toEqual(['p4']);
        expect(ids(await people.find({ id: 'p3' }))).toEqual(['p3']);
      });

      it('compares by type: true is not 1 and "36" is not 36', async () => {
        const things = fresh<Doc>();
        await things.put({ id: 'bool', v: true });
        await things.put({ id: 'one', v: 1 });
        await things.put({ id: 'text', v: '1' });
        expect(ids(await things.find({ v: true }))).toEqual(['bool']);
        expect(ids(await things.find({ v: 1 }))).toEqual(['one']);
        expect(ids(await things.find({ v: '1' }))).toEqual(['text']);
      });

      it('matches null against a null or missing field', async () => {
        const people = await seeded(ada, { id: 'n1', name: null }, { id: 'n2' });
        expect(ids(await people.find({ name: null }))).toEqual(['n1', 'n2']);
        expect(await people.count({ name: null })).toBe(2);
      });

      it('filters by a range on numbers', async () => {
        const people = await seeded(ada, bob, cy, dee);
        const byAge = { sort: [{ field: 'age', direction: 'asc' as const }, { field: 'id', direction: 'asc' as const }] };
        expect(ids(await people.find({}, { ...byAge, range: { field: 'age', gt: 7, lt: 100 } }))).toEqual(['p1', 'p4']);
        expect(ids(await people.find({}, { ...byAge, range: { field: 'age', gte: 7, lte: 36 } }))).toEqual(['p2', 'p1', 'p4']);
        expect(ids(await people.find({}, { ...byAge, range: { field: 'age', gte: 36 } }))).toEqual(['p1', 'p4', 'p3']);
      });

      it('filters by a range on strings, combined with equality', async () => {
        const people = await seeded(ada, bob, cy, dee);
        const range = { field: 'joinedAt', gte: '2024-02-10T00:00:00.000Z', lt: '2024-04-20T00:00:00.000Z' };
        expect(ids(await people.find({}, { range }))).toEqual(['p2', 'p3']);
        expect(ids(await people.find({ admin: false, age: 100 }, { range }))).toEqual(['p3']);
      });

      it('compares a range within its own type only', async () => {
        const things = fresh<Doc>();
        await things.put({ id: 'n', v: 5 });
        await things.put({ id: 's', v: 'm' });
        await things.put({ id: 'null', v: null });
        await things.put({ id: 'missing' });
        expect(ids(await things.find({}, { range: { field: 'v', lt: 'z' } }))).toEqual(['s']);
        expect(ids(await things.find({}, { range: { field: 'v', gt: 0 } }))).toEqual(['n']);
      });

      it('sorts strings and numbers both ways (numbers numerically)', async () => {
        const people = await seeded(ada, bob, cy, dee);
        expect(ids(await people.find({}, { sort: [{ field: 'name', direction: 'asc' }] }))).toEqual(['p1', 'p2', 'p3', 'p4']);
        expect(ids(await people.find({}, { sort: [{ field: 'name', direction: 'desc' }] }))).toEqual(['p4', 'p3', 'p2', 'p1']);
        // 7 < 36 < 100: a text comparison would put 100 first.
        expect(ids(await people.find({}, { sort: [{ field: 'age', direction: 'asc' }] }))).toEqual(['p2', 'p1', 'p4', 'p3']);
        expect(ids(await people.find({}, { sort: [{ field: 'age', direction: 'desc' }] }))).toEqual(['p3', 'p1', 'p4', 'p2']);
        expect(ids(await people.find({}, { sort: [{ field: 'id', direction: 'desc' }] }))).toEqual(['p4', 'p3', 'p2', 'p1']);
      });

      it('ranges and sorts on a field with a leading underscore', async () => {
        const entries = fresh<Doc>();
        for (const n of [3, 1, 2]) await entries.put({ id: `e${n}`, _position: `0000000000000000000${n}` });
        const page = await entries.find({}, {
          range: { field: '_position', lt: '00000000000000000003' },
          sort: [{ field: '_position', direction: 'desc' }],
        });
        expect(ids(page)).toEqual(['e2', 'e1']);
      });

      it('sorts by several fields', async () => {
        const people = await seeded(ada, bob, cy, dee);
        const sorted = await people.find({}, {
          sort: [
            { field: 'admin', direction: 'asc' },
            { field: 'joinedAt', direction: 'desc' },
          ],
        });
        expect(ids(sorted)).toEqual(['p3', 'p2', 'p4', 'p1']);
        const byAgeThenName = await people.find({}, {
          sort: [
            { field: 'age', direction: 'desc' },
            { field: 'name', direction: 'desc' },
          ],
        });
        expect(ids(byAgeThenName)).toEqual(['p3', 'p4', 'p1', 'p2']);
      });

      it('puts missing and null values first when ascending', async () => {
        const people = await seeded(ada, { id: 'n1', name: null }, { id: 'n2' }, bob);
        expect(ids(await people.find({}, { sort: [{ field: 'name', direction: 'asc' }] }))).toEqual(['n1', 'n2', 'p1', 'p2']);
      });

      it('limits after sorting and filtering', async () => {
        const people = await seeded(ada, bob, cy, dee);
        expect(ids(await people.find({}, { sort: [{ field: 'age', direction: 'desc' }], limit: 2 }))).toEqual(['p3', 'p1']);
        expect(ids(await people.find({ admin: true }, { limit: 1 }))).toEqual(['p1']);
        expect(ids(await people.find({}, { limit: 10 }))).toHaveLength(4);
        expect(await people.find({}, { limit: 0 })).toEqual([]);
      });
    });

    describe('indexes', () => {
      it('creates indexes idempotently, before or after documents exist', async () => {
        const people = fresh();
        await people.ensureIndex('name');
        await people.ensureIndex('name');
        await people.put(ada);
        await people.ensureIndex('age');
        await people.ensureIndex('id');
        expect(ids(await people.find({ name: 'ada' }))).toEqual(['p1']);
      });

      it('refuses a second document with a unique value, and keeps the first', async () => {
        const people = fresh();
        await people.ensureIndex('name', { unique: true });
        await people.put(ada);
        const clash = people.put({ ...bob, name: 'ada' });
        await expect(clash).rejects.toBeInstanceOf(UniqueViolationError);
        await expect(people.put({ ...bob, name: 'ada' })).rejects.toMatchObject({ field: 'name' });
        expect(await people.get('p2')).toBeNull();
        expect(ids(await people.find({ name: 'ada' }))).toEqual(['p1']);
      });

      it('lets a document keep its own unique value, and frees a value it gives up', async () => {
        const people = fresh();
        await people.ensureIndex('name', { unique: true });
        await people.put(ada);
        await people.put({ ...ada, age: 37 });
        await people.put({ ...ada, name: 'countess' });
        await people.put({ ...bob, name: 'ada' });
        expect(ids(await people.find({ name: 'ada' }))).toEqual(['p2']);
      });

      it('does not constrain documents without the unique field, or with null', async () => {
        const people = fresh();
        await people.ensureIndex('name', { unique: true });
        await people.put({ id: 'a' });
        await people.put({ id: 'b' });
        await people.put({ id: 'c', name: null });
        await people.put({ id: 'd', name: null });
        expect(await people.count({})).toBe(4);
      });

      it('applies the unique index declared after documents exist', async () => {
        const people = await seeded(ada, bob);
        await people.ensureIndex('name', { unique: true });
        await expect(people.put({ ...cy, name: 'bob' })).rejects.toBeInstanceOf(UniqueViolationError);
      });
    });

    describe('names', () => {
      it('refuses collection names that are not lower-case identifiers, and the reserved one', () => {
        for (const bad of ['', 'People', 'people-x', '1people', 'a.b', 'x; DROP TABLE y', 'checkpoints']) {
          expect(() => store().collection(bad)).toThrow(TypeError);
        }
      });

      it('refuses field names that are not identifiers, and operator values', async () => {
        const people = await seeded(ada);
        await expect(people.find({ "name') OR 1=1 --": 'x' })).rejects.toThrow(TypeError);
        await expect(people.find({ 'nested.field': 'x' })).rejects.toThrow(TypeError);
        await expect(people.find({}, { sort: [{ field: '$where', direction: 'asc' }] })).rejects.toThrow(TypeError);
        await expect(people.ensureIndex('_id')).rejects.toThrow(TypeError);
        await expect(people.find({ _id: 'p1' })).rejects.toThrow(TypeError);
        await expect(people.put({ id: 'p9', _id: 'x' })).rejects.toThrow(TypeError);
        const injected = JSON.parse('{"name": {"$ne": null}}') as Record<string, string>;
        await expect(people.find(injected)).rejects.toThrow(TypeError);
        await expect(people.count(injected)).rejects.toThrow(TypeError);
        await expect(people.deleteMany(injected)).rejects.toThrow(TypeError);
        expect(await people.count({})).toBe(1);
      });
    });

    describe('checkpoints', () => {
      const projector = (label: string): string => `${readStoreContractPrefix}${label}`;

      it('is undefined before the first save', async () => {
        expect(await store().getCheckpoint(projector('never'))).toBeUndefined();
      });

      it('saves, overwrites and deletes', async () => {
        const accounts = projector('accounts');
        await store().saveCheckpoint(accounts, '00000000000000000007');
        expect(await store().getCheckpoint(accounts)).toBe('00000000000000000007');
        await store().saveCheckpoint(accounts, '00000000000000000042');
        expect(await store().getCheckpoint(accounts)).toBe('00000000000000000042');
        await store().deleteCheckpoint(accounts);
        expect(await store().getCheckpoint(accounts)).toBeUndefined();
        await store().deleteCheckpoint(accounts);
      });

      it('keeps one checkpoint per projector', async () => {
        await store().saveCheckpoint(projector('a'), '00000000000000000001');
        await store().saveCheckpoint(projector('b'), '00000000000000000002');
        expect(await store().getCheckpoint(projector('a'))).toBe('00000000000000000001');
        expect(await store().getCheckpoint(projector('b'))).toBe('00000000000000000002');
        await store().deleteCheckpoint(projector('a'));
        await store().deleteCheckpoint(projector('b'));
      });
    });
  });
}
