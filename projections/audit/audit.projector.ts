import { isAccountEventType } from '@warden/account/account.events';
import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { insertOnce } from '../apply-once';
import { eraseAccountFields } from '../erasure';
import type { Projection } from '../projection';
import { AUDIT_ENTRIES, type AuditEntryDoc } from './audit-entry';
import { summarize } from './summaries';

export const auditProjection: Projection<DecodedAccountEvent> = {
  name: 'audit',
  version: 1,
  collections: [AUDIT_ENTRIES],
  canHandle: isAccountEventType,
  async init(store: ReadStore) {
    const entries = store.collection<AuditEntryDoc>(AUDIT_ENTRIES);
    await entries.ensureIndex('accountId');
    await entries.ensureIndex('occurredAt');
  },
  async handle(events, store) {
    const entries = store.collection<AuditEntryDoc>(AUDIT_ENTRIES);
    for (const e of events) {
      await insertOnce(entries, e.eventId, e.position, {
        eventId: e.eventId,
        accountId: e.accountId,
        type: e.type,
        occurredAt: e.occurredAt,
        actor: e.metadata.actor,
        summary: summarize(e.event),
        ip: e.metadata.client?.ip ?? null,
        userAgent: e.metadata.client?.userAgent ?? null,
        correlationId: e.metadata.correlationId,
      });
      if (e.event.type === 'AccountDeleted') await eraseAccountFields<AuditEntryDoc>(store, AUDIT_ENTRIES, e.accountId, ['ip', 'userAgent']);
    }
  },
  async truncate(store) {
    await store.collection(AUDIT_ENTRIES).truncate();
  },
};
