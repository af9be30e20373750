/** Small timing helpers shared by the bench files. */

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds one call takes. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Median duration of `rounds` calls made one after the other. */
export async function p50(rounds: number, run: (i: number) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) samples.push(await timed(() => run(i)));
  return median(samples);
}

/**
 * Calls per second with `clients` loops calling side by side for `durationMs` (after a
 * short warm-up). Each loop gets its index, e.g. to pick an account of its own.
 */
export async function ratePerSecond(clients: number, durationMs: number, run: (client: number, i: number) => Promise<unknown>): Promise<number> {
  const loop = async (client: number, until: number) => {
    let done = 0;
    while (Date.now() < until) await run(client, done++);
    return done;
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => loop(c, Date.now() + Math.min(300, durationMs / 4))));
  const started = process.hrtime.bigint();
  const counts = await Promise.all(Array.from({ length: clients }, (_, c) => loop(c, Date.now() + durationMs)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return counts.reduce((a, b) => a + b, 0) / seconds;
}

export const info = (line: string) => process.stdout.write(`     ${line}\n`);
