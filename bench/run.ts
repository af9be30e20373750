import 'reflect-metadata';
import { consoleHistoryRatios } from './console-history.bench';
import { loginRatios } from './login.bench';
import { projectionRatios } from './projections.bench';
import { formatRatio, tally, type BenchRatio } from './ratio';
import { writePathRatios } from './write-path.bench';

/**
 * Benchmarks, measured side by side in one run and printed as ratios with their goals, so
 * the numbers mean the same on any machine: what Warden adds on top of the work it cannot
 * avoid. Each bench file exports an `async (): Promise<BenchRatio[]>`.
 *   npm run bench            [-- rounds]  (latency samples per figure, default 30)
 */
type Bench = () => Promise<BenchRatio[]>;

const BENCHES: Array<[name: string, bench: Bench]> = [
  ['login', loginRatios],
  ['write path', writePathRatios],
  ['projections', projectionRatios],
  ['console history', consoleHistoryRatios],
  // Another bench file: import it above and add a line here.
];

async function main(): Promise<void> {
  process.stdout.write(`warden bench: embedded stores, ${process.argv[2] ?? 30} latency samples per figure\n`);
  const all: BenchRatio[] = [];
  for (const [name, bench] of BENCHES) {
    // BENCH_ONLY=<part of a name> runs one bench file while working on it; the tally is then partial.
    if (process.env.BENCH_ONLY && !name.includes(process.env.BENCH_ONLY)) continue;
    process.stdout.write(`── ${name}\n`);
    const ratios = await bench();
    ratios.forEach((ratio) => process.stdout.write(`${formatRatio(ratio)}\n`));
    all.push(...ratios);
  }
  process.stdout.write(`${tally(all)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
