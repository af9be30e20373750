import type { Position } from '@warden/shared/envelope';

export interface ProgressSink {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** The leading number of a position: a SQLite sequence, or an EventStoreDB commit offset. */
function lead(position: Position): number {
  return Number(position.slice(0, 20));
}

/**
 * What a rebuild prints while it runs: events done of total, events per second and the
 * time left; a redrawn bar on a terminal, a plain line at most every `everyMs` otherwise
 * (logs, pipes). The total is exact on SQLite (positions are sequence numbers) and an
 * estimate on EventStoreDB (positions are log offsets: done × head offset ÷ reached offset).
 */
export class RebuildProgress {
  private readonly done = new Map<string, number>();
  private readonly reached = new Map<string, Position>();
  private readonly started: number;
  private lastLine = 0;

  constructor(
    private readonly sink: ProgressSink,
    private readonly projections: readonly string[],
    private readonly head: Position | undefined,
    private readonly now: () => number = Date.now,
    private readonly everyMs = 1000,
  ) {
    this.started = now();
  }

  /** Called after each committed batch of one of the projections being rebuilt. */
  batch(projection: string, last: Position, events: number): void {
    this.done.set(projection, (this.done.get(projection) ?? 0) + events);
    this.reached.set(projection, last);
    const at = this.now();
    if (this.sink.isTTY) this.sink.write(`\r${this.render()}`);
    else if (at - this.lastLine >= this.everyMs) {
      this.lastLine = at;
      this.sink.write(`${this.render()}\n`);
    }
  }

  /** The closing line. */
  summary(): string {
    const seconds = Math.max((this.now() - this.started) / 1000, 0.001);
    const done = this.slowest();
    return `${this.sink.isTTY ? '\n' : ''}rebuilt ${this.projections.join(', ')}: ${done} events in ${seconds.toFixed(1)} s (${Math.round(done / seconds)} events/s), switched to the new version`;
  }

  render(): string {
    const done = this.slowest();
    const total = this.total(done);
    const seconds = Math.max((this.now() - this.started) / 1000, 0.001);
    const rate = done / seconds;
    const left = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const figures = `${done}/${total} events, ${Math.round(rate)} events/s, ${Math.ceil(left)} s left`;
    if (!this.sink.isTTY) return `rebuild: ${(fraction * 100).toFixed(0)}% ${figures}`;
    const width = 30;
    const filled = Math.round(fraction * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${figures}`;
  }

  private slowest(): number {
    return Math.min(...this.projections.map((name) => this.done.get(name) ?? 0));
  }

  private total(done: number): number {
    if (this.head === undefined) return done;
    const reached = this.projections.map((name) => this.reached.get(name)).filter((p): p is Position => p !== undefined);
    if (reached.length < this.projections.length || done === 0) return Math.max(done, lead(this.head));
    const furthest = Math.min(...reached.map(lead));
    return Math.max(done, Math.round((done * lead(this.head)) / Math.max(furthest, 1)));
  }
}
