import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { applyOnce, type DocFields } from '../apply-once';
import { eraseAccountFields } from '../erasure';
import type { Projection } from '../projection';
import { CREDENTIALS, type CredentialDoc } from './credential-view';

type Fields = DocFields<CredentialDoc>;

const HANDLED = new Set(['CredentialIssued', 'CredentialRegenerated', 'CredentialRevoked', 'CredentialUsed', 'AccountDeleted']);

function apply(current: Fields | null, e: DecodedAccountEvent): Fields | null {
  const event = e.event;
  switch (event.type) {
    case 'CredentialIssued':
      return {
        credentialId: event.data.credentialId,
        accountId: e.accountId,
        label: event.data.label,
        prefix: event.data.prefix,
        secretHash: event.data.secretHash,
        active: true,
        createdAt: e.occurredAt,
        rotatedAt: null,
        lastUsedAt: null,
        revokedAt: null,
      };
    case 'CredentialRegenerated':
      return current && { ...current, prefix: event.data.prefix, secretHash: event.data.secretHash, rotatedAt: e.occurredAt };
    case 'CredentialRevoked':
      return current && { ...current, active: false, revokedAt: e.occurredAt };
    case 'CredentialUsed':
      return current && { ...current, lastUsedAt: e.occurredAt };
    default:
      return null;
  }
}

export const credentialsProjection: Projection<DecodedAccountEvent> = {
  name: 'credentials',
  version: 1,
  collections: [CREDENTIALS],
  canHandle: (type) => HANDLED.has(type),
  async init(store: ReadStore) {
    const credentials = store.collection<CredentialDoc>(CREDENTIALS);
    await credentials.ensureIndex('accountId');
    await credentials.ensureIndex('secretHash');
  },
  async handle(events, store) {
    const credentials = store.collection<CredentialDoc>(CREDENTIALS);
    for (const e of events) {
      if (e.event.type === 'AccountDeleted') {
        await eraseAccountFields<CredentialDoc>(store, CREDENTIALS, e.accountId, ['label']);
        continue;
      }
      const id = (e.event.data as { credentialId: string }).credentialId;
      await applyOnce(credentials, id, e.position, (current) => apply(current, e));
    }
  },
  async truncate(store) {
    await store.collection(CREDENTIALS).truncate();
  },
};
