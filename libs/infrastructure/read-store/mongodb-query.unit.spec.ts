import { MongoServerError } from 'mongodb';
import { duplicatedField } from './mongodb-read-collection';
import { toMongoFilter, toMongoSort, uniquePartialFilter } from './mongodb-query';

describe('MongoDB query translation', () => {
  it('turns every equality into $eq, null included, and id into _id', () => {
    expect(toMongoFilter({ id: 'a1', email: 'a@b.c', admin: true, age: 3, gone: null })).toEqual({
      _id: { $eq: 'a1' },
      email: { $eq: 'a@b.c' },
      admin: { $eq: true },
      age: { $eq: 3 },
      gone: { $eq: null },
    });
    expect(toMongoFilter({})).toEqual({});
  });

  it('adds the range bounds, merged with an equality on the same field', () => {
    expect(toMongoFilter({ status: 'active' }, { field: 'createdAt', gte: '2024', lt: '2025' })).toEqual({
      status: { $eq: 'active' },
      createdAt: { $gte: '2024', $lt: '2025' },
    });
    expect(toMongoFilter({ age: 5 }, { field: 'age', gt: 1 })).toEqual({ age: { $eq: 5, $gt: 1 } });
    expect(toMongoFilter({}, { field: 'id', lte: 'm' })).toEqual({ _id: { $lte: 'm' } });
  });

  it('sorts with _id as the last key unless id is already a key', () => {
    expect(toMongoSort()).toEqual([['_id', 1]]);
    expect(
      toMongoSort([
        { field: 'age', direction: 'desc' },
        { field: 'name', direction: 'asc' },
      ]),
    ).toEqual([
      ['age', -1],
      ['name', 1],
      ['_id', 1],
    ]);
    expect(toMongoSort([{ field: 'id', direction: 'desc' }])).toEqual([['_id', -1]]);
  });

  it('leaves missing and null values out of a unique index', () => {
    expect(uniquePartialFilter('username')).toEqual({
      $or: [{ username: { $type: 'string' } }, { username: { $type: 'number' } }, { username: { $type: 'bool' } }],
    });
  });

  it('reads the refusing field from a duplicate-key error', () => {
    const error = (keyPattern?: unknown): MongoServerError =>
      new MongoServerError({ message: 'E11000 duplicate key error', code: 11000, keyPattern });
    expect(duplicatedField(error({ email: 1 }))).toBe('email');
    expect(duplicatedField(error({ _id: 1 }))).toBe('id');
    expect(duplicatedField(error())).toBeUndefined();
  });
});
