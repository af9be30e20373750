/** Small timing helpers shared by the bench files. */

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds one call takes. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Median durations of several operations called one at a time, taking turns (a, b, a,
 * b…), so that load coming and going on the machine weighs on each alike.
 */
export async function p50sSideBySide(rounds: number, ops: Array<(i: number) => Promise<unknown>>): Promise<number[]> {
  const samples = ops.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    for (const [k, op] of ops.entries()) samples[k].push(await timed(() => op(i)));
  }
  return samples.map(median);
}

type Client = (client: number, i: number) => Promise<unknown>;

/** Calls completed by `clients` loops calling side by side for `durationMs`, and the seconds it took. */
async function window(clients: number, durationMs: number, run: Client): Promise<{ calls: number; seconds: number }> {
  const until = Date.now() + durationMs;
  const started = process.hrtime.bigint();
  const counts = await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      let done = 0;
      while (Date.now() < until) await run(client, done++);
      return done;
    }),
  );
  return { calls: counts.reduce((a, b) => a + b, 0), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * Calls per second of each operation with `clients` loops calling at once (each loop gets
 * its index, e.g. to use an account of its own), measured in alternating windows after a
 * warm-up, so that the ratio of two rates is not the ratio of two moments of the machine.
 */
export async function ratesSideBySide(clients: number, ops: Client[], { rounds = 4, windowMs = 1000 } = {}): Promise<number[]> {
  for (const op of ops) await window(clients, 200, op);
  const totals = ops.map(() => ({ calls: 0, seconds: 0 }));
  for (let r = 0; r < rounds; r++) {
    for (const [k, op] of ops.entries()) {
      const { calls, seconds } = await window(clients, windowMs, op);
      totals[k].calls += calls;
      totals[k].seconds += seconds;
    }
  }
  return totals.map((t) => t.calls / t.seconds);
}

export const info = (line: string) => process.stdout.write(`     ${line}\n`);
