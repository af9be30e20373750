import type { ProjectedEvent, Projection, ProjectionStore } from './projection';

/** Where the next version of a collection is built, beside the live one. */
export const nextCollection = (name: string): string => `${name}__next`;

/** The store as the next version sees it: every collection name points at its `__next` twin. */
function besideLive(store: ProjectionStore): ProjectionStore {
  return {
    collection: (name) => store.collection(nextCollection(name)),
    purgeOverwritten: () => store.purgeOverwritten(),
  };
}

/**
 * The projection building its next version beside the live one, for a rebuild without
 * downtime: the same rules, writing `<collection>__next`, with a checkpoint (and lease)
 * of its own (`<name>~next@v<version>`), so the live projector keeps serving meanwhile.
 */
export function nextVersionOf<E extends ProjectedEvent>(projection: Projection<E>): Projection<E> {
  return {
    name: `${projection.name}~next`,
    version: projection.version,
    collections: projection.collections.map(nextCollection),
    canHandle: (type) => projection.canHandle(type),
    init: (store) => projection.init(besideLive(store)),
    handle: (events, store) => projection.handle(events, besideLive(store)),
    truncate: (store) => projection.truncate(besideLive(store)),
  };
}
