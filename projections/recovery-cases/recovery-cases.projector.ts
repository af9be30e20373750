import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { applyOnce } from '../apply-once';
import { eraseAccountFields } from '../erasure';
import type { Projection } from '../projection';
import { RECOVERY_CASES, type RecoveryCaseDoc } from './recovery-case';

export const recoveryCasesProjection: Projection<DecodedAccountEvent> = {
  name: 'recovery-cases',
  // 2: the statement and the opening position, for the support queue.
  version: 2,
  collections: [RECOVERY_CASES],
  canHandle: (type) => type === 'RecoveryCaseOpened' || type === 'RecoveryCaseDecided' || type === 'AccountDeleted',
  async init(store: ReadStore) {
    const cases = store.collection<RecoveryCaseDoc>(RECOVERY_CASES);
    await cases.ensureIndex('queueStatus');
    await cases.ensureIndex('accountId');
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
          queueStatus: 'open' as const,
          statement: event.data.statement,
          openedAt: e.occurredAt,
          openedPosition: e.position,
          decidedAt: null,
        }));
      } else if (event.type === 'RecoveryCaseDecided') {
        await applyOnce(cases, event.data.caseId, e.position, (current) =>
          current ? { ...current, status: event.data.decision, queueStatus: 'decided' as const, decidedAt: e.occurredAt } : null,
        );
      } else if (event.type === 'AccountDeleted') {
        await eraseAccountFields<RecoveryCaseDoc>(store, RECOVERY_CASES, e.accountId, ['statement']);
      }
    }
  },
  async truncate(store) {
    await store.collection(RECOVERY_CASES).truncate();
  },
};
