import { GroupCommit, type ItemOutcome } from './group-commit';

describe('GroupCommit', () => {
  const recording = () => {
    const batches: string[][] = [];
    const commit = new GroupCommit<string, string>((items) => {
      batches.push(items);
      return items.map((item): ItemOutcome<string> => (item.startsWith('bad') ? { ok: false, error: new Error(item) } : { ok: true, value: item.toUpperCase() }));
    });
    return { batches, commit };
  };

  it('commits what is submitted in one turn of the event loop as one batch, in order', async () => {
    const { batches, commit } = recording();
    const results = await Promise.all(['a', 'b', 'c'].map((item) => commit.submit(item)));
    expect(results).toEqual(['A', 'B', 'C']);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('starts a new batch for what comes after the commit', async () => {
    const { batches, commit } = recording();
    await commit.submit('a');
    await commit.submit('b');
    expect(batches).toEqual([['a'], ['b']]);
  });

  it('fails a refused item alone', async () => {
    const { commit } = recording();
    const outcomes = await Promise.allSettled(['a', 'bad-1', 'c'].map((item) => commit.submit(item)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails every item when the commit itself fails', async () => {
    const commit = new GroupCommit<string, string>(() => {
      throw new Error('disk I/O error');
    });
    const outcomes = await Promise.allSettled(['a', 'b'].map((item) => commit.submit(item)));
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
  });

  it('commits at once on flush, before a close', async () => {
    const { batches, commit } = recording();
    const pending = commit.submit('a');
    commit.flush();
    expect(batches).toEqual([['a']]);
    await expect(pending).resolves.toBe('A');
  });
});
