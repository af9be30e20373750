/** `catchUp` and `rebuild` reject with this once the healthy projections have finished. */
export class CatchUpError extends Error {
  constructor(readonly failures: { projection: string; error: unknown }[]) {
    super(`projections failed to catch up: ${failures.map((f) => `${f.projection} (${describe(f.error)})`).join(', ')}`);
    this.name = 'CatchUpError';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
