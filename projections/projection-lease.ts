/**
 * Who may advance a projection. Two runners advancing the same projection would not
 * corrupt documents (handlers are idempotent) but would race on the checkpoint, which
 * can then move backwards, and on rebuilds (one truncates while the other writes).
 * ZITADEL takes the checkpoint under a lock for that reason; in production, implement
 * this with a lock that expires (a Redis `SET NX PX` renewed on every call, or a row
 * lock in the read store) so a crashed runner's projections are taken over.
 */
export interface ProjectionLease {
  /** Called before every batch (and rebuild): true to go ahead, false to leave it to the holder. */
  tryAcquire(projection: string): Promise<boolean>;
  /** Called when the runner stops. */
  release(projection: string): Promise<void>;
}

/** The default: a single runner process (dev, tests, the CLI) owns every projection. */
export const soleRunnerLease: ProjectionLease = {
  tryAcquire: async () => true,
  release: async () => undefined,
};
