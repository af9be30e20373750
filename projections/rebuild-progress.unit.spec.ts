import { positionOf } from '@warden/shared/position';
import { RebuildProgress } from './rebuild-progress';

describe('RebuildProgress', () => {
  const sink = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, written, write: (text: string) => written.push(text) };
  };

  it('redraws a bar on a terminal: done of total, events/s, time left', () => {
    const out = sink(true);
    let now = 0;
    const progress = new RebuildProgress(out, ['accounts', 'sessions'], positionOf(1000), () => now);
    now = 1000;
    progress.batch('accounts', positionOf(250), 250);
    progress.batch('sessions', positionOf(250), 250);
    expect(out.written.at(-1)).toBe(`\r[${'#'.repeat(8)}${'.'.repeat(22)}]  25% 250/1000 events, 250 events/s, 3 s left`);
    now = 4000;
    progress.batch('accounts', positionOf(1000), 750);
    progress.batch('sessions', positionOf(1000), 750);
    expect(out.written.at(-1)).toContain('100% 1000/1000 events, 250 events/s, 0 s left');
    expect(progress.summary()).toBe('\nrebuilt accounts, sessions: 1000 events in 4.0 s (250 events/s), switched to the new version');
  });

  it('writes plain lines, at most one a second, when not on a terminal; the slowest projection sets the pace', () => {
    const out = sink(false);
    let now = 0;
    const progress = new RebuildProgress(out, ['accounts', 'sessions'], positionOf(400), () => now);
    now = 1000;
    progress.batch('accounts', positionOf(200), 200);
    now = 1500;
    progress.batch('sessions', positionOf(100), 100);
    now = 2000;
    progress.batch('sessions', positionOf(200), 100);
    expect(out.written).toEqual([
      'rebuild: 0% 0/400 events, 0 events/s, 0 s left\n',
      'rebuild: 50% 200/400 events, 100 events/s, 2 s left\n',
    ]);
    expect(out.written.join('')).not.toContain('\r');
  });

  it('estimates the total from log offsets where positions are not sequence numbers', () => {
    const out = sink(false);
    let now = 0;
    // EventStoreDB: <commit>/<prepare> byte offsets; 100 events reached offset 5,000 of 20,000.
    const at = (offset: number) => `${positionOf(offset)}/${positionOf(offset)}`;
    const progress = new RebuildProgress(out, ['accounts'], at(20_000), () => now, 0);
    now = 1000;
    progress.batch('accounts', at(5_000), 100);
    expect(out.written.at(-1)).toBe('rebuild: 25% 100/400 events, 100 events/s, 3 s left\n');
  });
});
