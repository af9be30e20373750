import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { applyOnce } from '../apply-once';
import { eraseAccountFields } from '../erasure';
import type { Projection } from '../projection';
import { APPEALS, type AppealDoc } from './appeal';

/** The appeals queue support works from (contract §3.2 `GET /v1/appeals`). */
export const appealsProjection: Projection<DecodedAccountEvent> = {
  name: 'appeals',
  version: 1,
  collections: [APPEALS],
  canHandle: (type) => type === 'AppealSubmitted' || type === 'AppealDecided' || type === 'AccountDeleted',
  async init(store: ReadStore) {
    const appeals = store.collection<AppealDoc>(APPEALS);
    await appeals.ensureIndex('status');
    await appeals.ensureIndex('accountId');
  },
  async handle(events, store) {
    const appeals = store.collection<AppealDoc>(APPEALS);
    for (const e of events) {
      const event = e.event;
      if (event.type === 'AppealSubmitted') {
        await applyOnce(appeals, event.data.appealId, e.position, () => ({
          appealId: event.data.appealId,
          accountId: e.accountId,
          message: event.data.message,
          status: 'open' as const,
          decision: null,
          openedAt: e.occurredAt,
          openedPosition: e.position,
          decidedAt: null,
        }));
      } else if (event.type === 'AppealDecided') {
        await applyOnce(appeals, event.data.appealId, e.position, (current) =>
          current ? { ...current, status: 'decided' as const, decision: event.data.decision, decidedAt: e.occurredAt } : null,
        );
      } else if (event.type === 'AccountDeleted') {
        await eraseAccountFields<AppealDoc>(store, APPEALS, e.accountId, ['message']);
      }
    }
  },
  async truncate(store) {
    await store.collection(APPEALS).truncate();
  },
};
