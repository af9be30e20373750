import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { LeaseFence, ReadStore } from '@warden/infrastructure/read-store/read-store.port';

/** Leave to go ahead with one batch; `fence` makes its commit refuse once the lease is lost. */
export interface LeaseGrant {
  fence?: LeaseFence;
}

/**
 * Who may advance a projection (by checkpoint key). Two runners advancing the same one
 * would race on its checkpoint (which could move backwards) and on rebuilds, so exactly
 * one holds each lease; the others stand by and take over when it runs out.
 */
export interface ProjectionLease {
  /** Before every batch: the grant, or null while another runner holds the lease. */
  acquire(key: string): Promise<LeaseGrant | null>;
  /** A fenced commit was refused: the lease is gone, forget the grant. */
  lost(key: string): void;
  /** On a clean stop: let a standby take over at once instead of after the TTL. */
  release(key: string): Promise<void>;
}

/** A single runner process (dev, tests, the CLI on a stopped projector) owns every projection. */
export const soleRunnerLease: ProjectionLease = {
  acquire: async () => ({}),
  lost: () => undefined,
  release: async () => undefined,
};

export interface ReadStoreLeaseOptions {
  /** A standby takes over this long after the holder stopped renewing. */
  ttlMs: number;
  /** Who this runner is, in the lease records (default: host, pid and a random part). */
  holder?: string;
}

/**
 * Leases kept in the read store beside the checkpoints they guard, renewed a third of the
 * way into the TTL (the runner wakes at least that often, even when idle), with a fencing
 * token checked by every checkpoint write: a holder paused past its TTL cannot write after
 * waking up, whatever it believes. A standby asks again at most every fifth of the TTL.
 */
export class ReadStoreLease implements ProjectionLease {
  readonly holder: string;
  private readonly grants = new Map<string, { fence: LeaseFence; renewAt: number }>();
  private readonly refusedUntil = new Map<string, number>();

  constructor(
    private readonly store: Pick<ReadStore, 'acquireLease' | 'releaseLease'>,
    private readonly options: ReadStoreLeaseOptions,
  ) {
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /** How often the runner must wake, at least, to keep its leases. */
  get renewIntervalMs(): number {
    return Math.max(1, Math.floor(this.options.ttlMs / 3));
  }

  async acquire(key: string): Promise<LeaseGrant | null> {
    const now = Date.now();
    const grant = this.grants.get(key);
    if (grant && now < grant.renewAt) return { fence: grant.fence };
    if (!grant && now < (this.refusedUntil.get(key) ?? 0)) return null;
    const token = await this.store.acquireLease(key, this.holder, this.options.ttlMs);
    if (token === undefined) {
      this.grants.delete(key);
      this.refusedUntil.set(key, now + Math.floor(this.options.ttlMs / 5));
      return null;
    }
    const fence = { holder: this.holder, token };
    this.grants.set(key, { fence, renewAt: now + this.renewIntervalMs });
    return { fence };
  }

  lost(key: string): void {
    this.grants.delete(key);
  }

  async release(key: string): Promise<void> {
    if (!this.grants.delete(key)) return;
    await this.store.releaseLease(key, this.holder);
  }
}
