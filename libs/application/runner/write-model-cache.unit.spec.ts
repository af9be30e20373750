import { initialState } from '@warden/account/account.state';
import { type CachedAccount, WriteModelCache } from './write-model-cache';

const entry = (revision: number): CachedAccount => ({ state: initialState(), revision, hash: `h${revision}`, snapshotRevision: -1 });

describe('WriteModelCache', () => {
  it('keeps the later of two folds that finish out of order', () => {
    const cache = new WriteModelCache(10);
    cache.remember('a', entry(7));
    cache.remember('a', entry(5));
    expect(cache.get('a')?.revision).toBe(7);
    cache.remember('a', entry(9));
    expect(cache.get('a')?.revision).toBe(9);
  });

  it('holds at most its size, dropping the least recently used', () => {
    const cache = new WriteModelCache(2);
    cache.remember('a', entry(1));
    cache.remember('b', entry(1));
    cache.get('a');
    cache.remember('c', entry(1));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((e) => e !== undefined)).toEqual([true, false, true]);
  });

  it('caches nothing with size 0, and forgets on demand', () => {
    const none = new WriteModelCache(0);
    none.remember('a', entry(1));
    expect(none.get('a')).toBeUndefined();
    const cache = new WriteModelCache(5);
    cache.remember('a', entry(1));
    cache.forget('a');
    expect(cache.get('a')).toBeUndefined();
  });
});
