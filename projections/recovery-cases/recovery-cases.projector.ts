import type { DecodedAccountEvent } from '../../libs/infrastructure/event-codec/account-event.codec';
import type { ReadStore } from '../../libs/infrastructure/read-store/read-store.port';
import { applyOnce } from '../apply-once';
import type { Projection } from '../projection';
import { RECOVERY_CASES, type RecoveryCaseDoc } from './recovery-case';

export const recoveryCasesProjection: Projection<DecodedAccountEvent> = {
  name: 'recovery-cases',
  version: 1,
  collections: [RECOVERY_CASES],
  canHandle: (type) => type === 'RecoveryCaseOpened' || type === 'RecoveryCaseDecided',
  async init(store: ReadStore) {
    await store.collection<RecoveryCaseDoc>(RECOVERY_CASES).ensureIndex('status');
  },
  async handle(events, store) {
    const cases = store.collection<RecoveryCaseDoc>(RECOVERY_CASES);
    for (const e of events) {
      const event = e.event;
      if (event.type === 'RecoveryCaseOpened') {
        await applyOnce(cases, event.data.caseId, e.position, () => ({
          caseId: event.data.caseId,
          accountId: e.accountId,
          status: 'open' as const,
          openedAt: e.occurredAt,
          decidedAt: null,
        }));
      } else if (event.type === 'RecoveryCaseDecided') {
        await applyOnce(cases, event.data.caseId, e.position, (current) =>
          current ? { ...current, status: event.data.decision, decidedAt: e.occurredAt } : null,
        );
      }
    }
  },
  async truncate(store) {
    await store.collection(RECOVERY_CASES).truncate();
  },
};
