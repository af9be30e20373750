import 'reflect-metadata';
import { join } from 'node:path';
import { consoleHistoryRatios } from './console-history.bench';
import { loginRatios } from './login.bench';
import { formatRatio, tally, type BenchRatio } from './ratio';
import { writePathRatios } from './write-path.bench';

/**
 * Benchmarks, measured side by side in one run and printed as ratios with their goals, so
 * the numbers mean the same on any machine: what Warden adds on top of the work it cannot
 * avoid. Each bench file exports an `async (): Promise<BenchRatio[]>`.
 *   npm run bench            [-- rounds]  (latency samples per figure, default 30)
 */
type Bench = () => Promise<BenchRatio[]>;

const BENCHES: Array<[name: string, bench: () => Bench | undefined]> = [
  ['login', () => loginRatios],
  ['write path', () => writePathRatios],
  ['projections', () => optionalBench('projections.bench', 'projectionRatios')],
  ['console history', () => consoleHistoryRatios],
  // Another bench file: import it above and add a line here.
];

/** A bench file that another branch adds: run when present, skipped (and said so) when not. */
function optionalBench(file: string, exported: string): Bench | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved at run time: the file may not exist yet
    return (require(join(__dirname, file)) as Record<string, Bench>)[exported];
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    // Only the file itself missing; a module missing inside it is a real failure.
    if (code === 'MODULE_NOT_FOUND' && message?.includes(file)) return undefined;
    throw error;
  }
}

async function main(): Promise<void> {
  process.stdout.write(`warden bench: embedded stores, ${process.argv[2] ?? 30} latency samples per figure\n`);
  const all: BenchRatio[] = [];
  for (const [name, load] of BENCHES) {
    // BENCH_ONLY=<part of a name> runs one bench file while working on it; the tally is then partial.
    if (process.env.BENCH_ONLY && !name.includes(process.env.BENCH_ONLY)) continue;
    const bench = load();
    if (!bench) {
      process.stdout.write(`── ${name}: not in this build, skipped\n`);
      continue;
    }
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
