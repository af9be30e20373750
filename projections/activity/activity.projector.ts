import { isAccountEventType } from '@warden/account/account.events';
import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { insertOnce } from '../apply-once';
import { eraseAccountFields } from '../erasure';
import type { Projection } from '../projection';
import { describeActivity } from './activity-descriptions';
import { ACTIVITY_ENTRIES, type ActivityEntryDoc } from './activity-entry';

export const activityProjection: Projection<DecodedAccountEvent> = {
  name: 'activity',
  version: 1,
  collections: [ACTIVITY_ENTRIES],
  canHandle: isAccountEventType,
  async init(store: ReadStore) {
    await store.collection<ActivityEntryDoc>(ACTIVITY_ENTRIES).ensureIndex('accountId');
  },
  async handle(events, store) {
    const entries = store.collection<ActivityEntryDoc>(ACTIVITY_ENTRIES);
    for (const e of events) {
      if (e.event.type === 'AccountDeleted') await eraseAccountFields<ActivityEntryDoc>(store, ACTIVITY_ENTRIES, e.accountId, ['ip', 'device']);
      const activity = describeActivity(e.event);
      if (!activity) continue;
      const client = e.metadata.client;
      await insertOnce(entries, e.eventId, e.position, {
        accountId: e.accountId,
        occurredAt: e.occurredAt,
        ...activity,
        ip: client?.ip ?? null,
        device: client?.userAgent ?? null,
      });
    }
  },
  async truncate(store) {
    await store.collection(ACTIVITY_ENTRIES).truncate();
  },
};
