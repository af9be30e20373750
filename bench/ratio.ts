/**
 * One benchmark figure: a ratio (or a count) measured side by side in one run, printed with
 * its goal so the same line means the same on any machine. Each bench file exports an
 * `async (): Promise<BenchRatio[]>`; `bench/run.ts` runs them in turn and prints the tally.
 */
export interface BenchRatio {
  /** Short id from the issue that set the goal: R1, R4, C2… */
  id: string;
  label: string;
  value: number;
  goal: { cmp: '<=' | '>=' | '<' | '=='; target: number };
  /** Printed after the value: '×', 'ms', 'failures'… */
  unit?: string;
}

export function meetsGoal({ value, goal }: BenchRatio): boolean {
  switch (goal.cmp) {
    case '<=':
      return value <= goal.target;
    case '>=':
      return value >= goal.target;
    case '<':
      return value < goal.target;
    case '==':
      return value === goal.target;
  }
}

/**
 * Two decimals, or three when two would print the goal itself for a value on either side
 * of it ("0.50 MISSES goal >= 0.5" was 0.495).
 */
function shownValue({ value, goal }: BenchRatio): string {
  if (Number.isInteger(value)) return String(value);
  const two = value.toFixed(2);
  return Number(two) === goal.target && value !== goal.target ? value.toFixed(3) : two;
}

export function formatRatio(ratio: BenchRatio): string {
  const shown = shownValue(ratio);
  const verdict = meetsGoal(ratio) ? 'meets goal' : 'MISSES goal';
  return `${ratio.id.padEnd(4)} ${ratio.label.padEnd(64)} ${shown.padStart(9)} ${(ratio.unit ?? '×').padEnd(4)} goal ${ratio.goal.cmp} ${ratio.goal.target}  ${verdict}`;
}

/** The last line of `npm run bench`: `N of M meet goal`. */
export function tally(ratios: BenchRatio[]): string {
  return `${ratios.filter(meetsGoal).length} of ${ratios.length} meet goal`;
}
