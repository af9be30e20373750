import type { Projection, ProjectedEvent } from './projection';

/**
 * The version is part of the key: after a version bump there is no checkpoint under the
 * new key, so the runner rebuilds from zero, and the old checkpoint (and documents) of
 * the previous version never leak into the new one.
 */
export function checkpointKey(projection: Pick<Projection<ProjectedEvent>, 'name' | 'version'>): string {
  return `${projection.name}@v${projection.version}`;
}
