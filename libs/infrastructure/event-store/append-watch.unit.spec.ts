import { AppendWatch } from './append-watch';

const nextCheckPhase = () => new Promise((resolve) => setImmediate(resolve));

describe('AppendWatch', () => {
  it('tells its listeners after the appending code has resumed, not during the append', async () => {
    const watch = new AppendWatch(undefined, 2, 25);
    const heard: string[] = [];
    watch.add(() => heard.push('listener'));

    watch.notify();
    heard.push('caller resumed');
    await Promise.resolve(); // the caller's own continuation (an HTTP answer) runs in microtasks
    heard.push('caller answered');
    await nextCheckPhase();

    expect(heard).toEqual(['caller resumed', 'caller answered', 'listener']);
    watch.stop();
  });

  it('wakes each listener once for the appends of one turn', async () => {
    const watch = new AppendWatch(undefined, 2, 25);
    let wakes = 0;
    watch.add(() => wakes++);

    watch.notify();
    watch.notify();
    watch.notify();
    await nextCheckPhase();
    expect(wakes).toBe(1);

    watch.notify();
    await nextCheckPhase();
    expect(wakes).toBe(2);
    watch.stop();
  });

  it('forgets a pending wake-up when stopped', async () => {
    const watch = new AppendWatch(undefined, 2, 25);
    let wakes = 0;
    watch.add(() => wakes++);
    watch.notify();
    watch.stop();
    await nextCheckPhase();
    await nextCheckPhase();
    expect(wakes).toBe(0);
  });
});
