import type { Position } from '@warden/shared/envelope';
import { checkpointKey } from './checkpoint-key';
import { nextCollection, nextVersionOf } from './next-version';
import type { ProjectedEvent } from './projection';
import { ProjectorRunner, type ProjectorRunnerDeps, type ProjectorRunnerOptions } from './projector-runner';

export interface OnlineRebuildResult {
  name: string;
  position: Position | undefined;
}

/**
 * Rebuild without downtime: each projection's next version is built from the start of
 * the log beside the live one (`nextVersionOf`) while the live projector keeps serving;
 * once it has caught up, ReadStore.replaceCollections puts it in the live one's place and
 * drops the old one. The live projector, fenced by the bumped lease token, continues from
 * the new checkpoint, so the few events appended meanwhile are applied to the new version.
 */
export async function rebuildOnline<E extends ProjectedEvent>(
  deps: ProjectorRunnerDeps<E>,
  names: readonly string[] | undefined,
  options: ProjectorRunnerOptions,
): Promise<OnlineRebuildResult[]> {
  const targets = names === undefined ? deps.projections : names.map((name) => find(deps.projections, name));
  const next = targets.map((p) => nextVersionOf(p));
  const runner = new ProjectorRunner({ ...deps, projections: next }, options);
  try {
    await runner.rebuild();
    const results: OnlineRebuildResult[] = [];
    for (const [i, live] of targets.entries()) {
      await deps.store.replaceCollections({
        collections: live.collections.map((name) => ({ live: name, replacement: nextCollection(name) })),
        checkpoint: { replacement: checkpointKey(next[i]), live: checkpointKey(live) },
      });
      results.push({ name: live.name, position: await deps.store.getCheckpoint(checkpointKey(live)) });
    }
    return results;
  } finally {
    await runner.stop();
  }
}

function find<P extends { name: string }>(projections: readonly P[], name: string): P {
  const projection = projections.find((p) => p.name === name);
  if (!projection) throw new Error(`unknown projection ${name}`);
  return projection;
}
