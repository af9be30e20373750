import { StopSignal } from './stop-signal';

describe('StopSignal', () => {
  const elapsed = async (work: () => Promise<void>) => {
    const start = Date.now();
    await work();
    return Date.now() - start;
  };

  it('sleeps for the interval when nothing happens', async () => {
    expect(await elapsed(() => new StopSignal().sleep(30))).toBeGreaterThanOrEqual(25);
  });

  it('cuts a sleep short on wake() and on stop()', async () => {
    const signal = new StopSignal();
    const sleeping = elapsed(() => signal.sleep(10_000));
    signal.wake();
    expect(await sleeping).toBeLessThan(1000);

    const again = elapsed(() => signal.sleep(10_000));
    signal.stop();
    expect(await again).toBeLessThan(1000);
    expect(signal.stopped).toBe(true);
    expect(await elapsed(() => signal.sleep(10_000))).toBeLessThan(1000);
  });

  it('remembers a wake() that came while nobody slept, once', async () => {
    const signal = new StopSignal();
    signal.wake();
    expect(await elapsed(() => signal.sleep(10_000))).toBeLessThan(1000);
    expect(await elapsed(() => signal.sleep(30))).toBeGreaterThanOrEqual(25);
  });
});
