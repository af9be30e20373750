import type { MetricReadings } from '@warden/infrastructure/metrics/warden-metrics';
import type { Role } from '../roles';

/** What the background thread is started with: the environment to configure it, its roles. */
export interface BackgroundRolesData {
  env: Record<string, string | undefined>;
  roles: Role[];
}

export type ToBackground = { type: 'metrics'; id: number } | { type: 'close' };

export type FromBackground =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'metrics'; id: number; readings: MetricReadings }
  | { type: 'closed' };
