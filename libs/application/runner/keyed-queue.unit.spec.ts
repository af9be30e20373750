import { KeyedQueue } from './keyed-queue';

/** A task whose end the test decides. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('KeyedQueue', () => {
  it('runs the tasks of one key one at a time, in arrival order', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((name) => queue.run('k', task(name))));
    expect(results).toEqual(['a', 'b', 'c', 'd']);
    expect(most).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c', 'start d', 'end d']);
    expect(queue.busyKeys).toBe(0);
  });

  it('lets different keys run side by side', async () => {
    const queue = new KeyedQueue();
    const first = gate();
    const blocked = queue.run('one', () => first.opened.then(() => 'one'));
    // 'two' finishes while 'one' still waits: nothing is shared between keys.
    await expect(queue.run('two', async () => 'two')).resolves.toBe('two');
    first.open();
    await expect(blocked).resolves.toBe('one');
  });

  it('goes on with the next task after one fails', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('k', async () => {
      throw new Error('boom');
    });
    const next = queue.run('k', async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    expect(queue.busyKeys).toBe(0);
  });
});
