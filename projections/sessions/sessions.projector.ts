import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { applyOnce } from '../apply-once';
import { eraseAccountFields } from '../erasure';
import type { Projection } from '../projection';
import { SESSIONS, type SessionDoc } from './session-view';

export const sessionsProjection: Projection<DecodedAccountEvent> = {
  name: 'sessions',
  version: 2,
  collections: [SESSIONS],
  canHandle: (type) => ['SessionStarted', 'SessionSeen', 'SessionRevoked', 'AccountDeleted'].includes(type),
  async init(store: ReadStore) {
    const sessions = store.collection<SessionDoc>(SESSIONS);
    await sessions.ensureIndex('accountId');
    await sessions.ensureIndex('tokenHash');
  },
  async handle(events, store) {
    const sessions = store.collection<SessionDoc>(SESSIONS);
    for (const e of events) {
      const event = e.event;
      if (event.type === 'SessionStarted') {
        const client = e.metadata.client;
        await applyOnce(sessions, event.data.sessionId, e.position, () => ({
          sessionId: event.data.sessionId,
          accountId: e.accountId,
          tokenHash: event.data.tokenHash,
          active: true,
          createdAt: e.occurredAt,
          lastSeenAt: e.occurredAt,
          expiresAt: event.data.expiresAt,
          idleTimeoutSeconds: event.data.idleTimeoutSeconds,
          endedAt: null,
          endReason: null,
          ip: client?.ip ?? null,
          userAgent: client?.userAgent ?? null,
          deviceId: client?.deviceId ?? null,
        }));
      } else if (event.type === 'SessionSeen') {
        await applyOnce(sessions, event.data.sessionId, e.position, (current) =>
          current ? { ...current, lastSeenAt: e.occurredAt } : null,
        );
      } else if (event.type === 'AccountDeleted') {
        await eraseAccountFields<SessionDoc>(store, SESSIONS, e.accountId, ['ip', 'userAgent', 'deviceId']);
      } else if (event.type === 'SessionRevoked') {
        await applyOnce(sessions, event.data.sessionId, e.position, (current) =>
          current ? { ...current, active: false, endedAt: e.occurredAt, endReason: event.data.reason } : null,
        );
      }
    }
  },
  async truncate(store) {
    await store.collection(SESSIONS).truncate();
  },
};
