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

  describe('with a commit that answers later (a writer thread)', () => {
    const deferred = () => {
      const batches: string[][] = [];
      const answers: Array<() => void> = [];
      const commit = new GroupCommit<string, string>(
        (items) =>
          new Promise((resolve) => {
            batches.push(items);
            answers.push(() => resolve(items.map((item) => ({ ok: true, value: item.toUpperCase() }))));
          }),
      );
      return { batches, answers, commit };
    };

    it('keeps one batch in flight, and what comes meanwhile forms the next one', async () => {
      const { batches, answers, commit } = deferred();
      const first = commit.submit('a');
      await new Promise((resolve) => setImmediate(resolve));
      const later = [commit.submit('b'), commit.submit('c')];
      await new Promise((resolve) => setImmediate(resolve));
      expect(batches).toEqual([['a']]);
      answers[0]();
      await expect(first).resolves.toBe('A');
      await new Promise((resolve) => setImmediate(resolve));
      expect(batches).toEqual([['a'], ['b', 'c']]);
      answers[1]();
      await expect(Promise.all(later)).resolves.toEqual(['B', 'C']);
    });

    it('flush waits for the batch in flight and commits what waits behind it', async () => {
      const { batches, answers, commit } = deferred();
      const items = [commit.submit('a')];
      await new Promise((resolve) => setImmediate(resolve));
      items.push(commit.submit('b'));
      const flushed = commit.flush();
      answers[0]();
      await new Promise((resolve) => setImmediate(resolve));
      expect(batches).toEqual([['a'], ['b']]);
      answers[1]();
      await flushed;
      await expect(Promise.all(items)).resolves.toEqual(['A', 'B']);
    });

    it('fails every item of a batch whose commit fails, and goes on with the next', async () => {
      let calls = 0;
      const commit = new GroupCommit<string, string>(async (items) => {
        if (calls++ === 0) throw new Error('writer thread died');
        return items.map((item) => ({ ok: true, value: item }));
      });
      await expect(commit.submit('a')).rejects.toThrow('writer thread died');
      await expect(commit.submit('b')).resolves.toBe('b');
    });
  });
});
