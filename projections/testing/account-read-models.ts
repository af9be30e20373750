import type { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import type { Doc, ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { ACCOUNT_PROJECTIONS } from '../account-projections';
import { ProjectorRunner } from '../projector-runner';
import { snapshotCollections } from './read-model-snapshot';

/** Every document of every account read model, sorted, for whole-model equality checks. */
export function snapshotAccountReadModels(store: ReadStore): Promise<Record<string, Doc[]>> {
  return snapshotCollections(
    store,
    ACCOUNT_PROJECTIONS.flatMap((p) => p.collections),
  );
}

/** The reference: the read models of the events as they are now, projected once, without incident, into `store`. */
export async function cleanAccountReadModels(events: EventStore, keyring: DataKeyring, store: ReadStore): Promise<Record<string, Doc[]>> {
  const codec = new AccountEventCodec(keyring);
  const runner = new ProjectorRunner({ events, store, projections: ACCOUNT_PROJECTIONS, decode: (e) => codec.decode(e) });
  await runner.catchUp();
  await runner.stop();
  return snapshotAccountReadModels(store);
}
