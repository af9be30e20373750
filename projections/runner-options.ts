import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { ReadStoreLease } from './projection-lease';
import type { ProjectorRunnerOptions } from './projector-runner';

/**
 * The runner options every projector process uses: the configured batch, and leases in
 * the read store, so any number of projector processes (and a rebuild beside them) can
 * run and exactly one advances each projection. The runner wakes at least as often as the
 * lease must be renewed.
 */
export function leasedRunnerOptions(
  config: Pick<WardenConfig, 'projector'>,
  store: Pick<ReadStore, 'acquireLease' | 'releaseLease'>,
  onError: ProjectorRunnerOptions['onError'],
): ProjectorRunnerOptions & { lease: ReadStoreLease } {
  const lease = new ReadStoreLease(store, { ttlMs: config.projector.leaseTtlMs });
  return {
    batchSize: config.projector.batchSize,
    pollIntervalMs: Math.min(config.projector.pollIntervalMs, lease.renewIntervalMs),
    lease,
    onError,
  };
}
