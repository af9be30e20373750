import { FreshCollections } from './fresh-collections';

const put = (collection: string, ...ids: string[]) => ({ collection, put: ids.map((id) => ({ id })), delete: [] });

describe('FreshCollections', () => {
  it('knows an emptied collection holds nothing but what was committed to it since', () => {
    const fresh = new FreshCollections();
    expect(fresh.knownAbsent('docs', 'a')).toBe(false);
    fresh.emptied(['docs'], 3);
    expect(fresh.covers(['docs'])).toBe(true);
    expect(fresh.knownAbsent('docs', 'a')).toBe(true);
    fresh.committed([put('docs', 'a'), put('other', 'b')]);
    expect(fresh.knownAbsent('docs', 'a')).toBe(false);
    expect(fresh.knownAbsent('docs', 'b')).toBe(true);
    expect(fresh.knownAbsent('other', 'c')).toBe(false);
  });

  it('forgets a collection once its lease was granted under another token', () => {
    const fresh = new FreshCollections();
    fresh.emptied(['docs'], 3);
    fresh.stillHeld(['docs'], 3);
    expect(fresh.covers(['docs'])).toBe(true);
    fresh.stillHeld(['docs'], 4);
    expect(fresh.covers(['docs'])).toBe(false);
    expect(fresh.knownAbsent('docs', 'a')).toBe(false);
  });

  it('forgets everything past its limit of ids, rather than grow without bound', () => {
    const fresh = new FreshCollections(3);
    fresh.emptied(['docs', 'other'], undefined);
    fresh.committed([put('docs', 'a', 'b'), put('other', 'c')]);
    expect(fresh.covers(['docs', 'other'])).toBe(true);
    fresh.committed([put('docs', 'a', 'd')]);
    expect(fresh.covers(['docs'])).toBe(false);
    expect(fresh.covers(['other'])).toBe(false);
  });
});
