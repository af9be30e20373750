/**
 * Runs `work` and answers no sooner than `floorMs` after the start, whatever happened:
 * the always-202 endpoints (reset, resend, recovery) then take the same time for a known
 * and an unknown address, which is what keeps them from revealing which is which.
 */
export async function withUniformTiming<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    await noSoonerThan(started, floorMs);
  }
}

/** Waits until `floorMs` have passed since `started` (performance.now() at the start), if they have not. */
export async function noSoonerThan(started: number, floorMs: number): Promise<void> {
  const remaining = floorMs - (performance.now() - started);
  if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
}

/** The share of the floor one bcrypt comparison may take before start-up warns. */
const FLOOR_HEADROOM = 0.8;

/**
 * The start-up warning when one bcrypt comparison at the configured cost takes most of
 * the floor, or more: a refused login's comparison then ends after the floor, and the
 * few milliseconds that tell a known address from an unknown one show again. Undefined
 * when the floor has room (or is off: 0 means the operator chose no floor).
 */
export function floorWarning(comparisonMs: number, floorMs: number, cost: number): string | undefined {
  if (floorMs === 0 || comparisonMs <= FLOOR_HEADROOM * floorMs) return undefined;
  return (
    `UNIFORM_RESPONSE_MS=${floorMs} leaves too little room: one bcrypt comparison at BCRYPT_COST=${cost} took ` +
    `${Math.round(comparisonMs)} ms here, so refused logins and the always-202 answers may again differ in time ` +
    `for known and unknown addresses. Raise UNIFORM_RESPONSE_MS above ${Math.ceil(comparisonMs / FLOOR_HEADROOM)}.`
  );
}
