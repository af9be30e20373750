import { randomUUID } from 'node:crypto';
import type { AccountEvent } from '../../account/account.events';
import { PERSONAL_FIELDS, SCHEMA_VERSIONS, isAccountEventType } from '../../account/account.events';
import { upcast } from '../../account/account.upcasters';
import type { ClientContext, EventMetadataInput, EventToAppend, JsonObject, RecordedEvent } from '../../shared/envelope';
import type { DataKeyring } from '../crypto/data-keyring';
import { decryptFields, encryptFields } from '../crypto/personal-data';
import { accountIdOfStream } from './account-streams';

const CLIENT_FIELDS = ['ip', 'userAgent', 'deviceId'] as const;

/** A stored account event as every reader sees it: upcast, personal fields decrypted or "[erased]". */
export interface DecodedAccountEvent extends RecordedEvent {
  accountId: string;
  event: AccountEvent;
}

export interface EncodeMetadata extends EventMetadataInput {
  occurredAt: string;
}

/**
 * The one place where domain events become stored events and back: the encryption of
 * personal data (crypto-shredding) and upcasting live here and nowhere else.
 */
export class AccountEventCodec {
  constructor(private readonly keyring: DataKeyring) {}

  async encode(accountId: string, events: AccountEvent[], metadata: EncodeMetadata): Promise<EventToAppend[]> {
    const dataKey = await this.keyring.get(accountId);
    const key = dataKey?.state === 'active' ? dataKey.key : await this.createKey(accountId, dataKey);
    const { occurredAt, client, ...rest } = metadata;
    const sealedClient = client ? (encryptFields(key, accountId, { ...client }, CLIENT_FIELDS) as ClientContext) : undefined;
    return events.map((event) => ({
      eventId: randomUUID(),
      type: event.type,
      schemaVersion: SCHEMA_VERSIONS[event.type],
      occurredAt,
      data: encryptFields(key, accountId, event.data as JsonObject, PERSONAL_FIELDS[event.type]),
      metadata: sealedClient ? { ...rest, client: sealedClient } : { ...rest },
    }));
  }

  async decode(recorded: RecordedEvent): Promise<DecodedAccountEvent> {
    const accountId = accountIdOfStream(recorded.streamId);
    if (!accountId || !isAccountEventType(recorded.type)) {
      throw new Error(`not an account event: ${recorded.type} in ${recorded.streamId}`);
    }
    const dataKey = await this.keyring.get(accountId);
    const key = dataKey?.state === 'active' ? dataKey.key : null;
    const { schemaVersion, data: upcast_ } = upcast(recorded.type, recorded.schemaVersion, recorded.data);
    const data = decryptFields(key, accountId, upcast_, PERSONAL_FIELDS[recorded.type]);
    const client = recorded.metadata.client
      ? (decryptFields(key, accountId, { ...recorded.metadata.client }, CLIENT_FIELDS) as ClientContext)
      : undefined;
    const metadata = client ? { ...recorded.metadata, client } : recorded.metadata;
    return {
      ...recorded,
      schemaVersion,
      data,
      metadata,
      accountId,
      event: { type: recorded.type, data } as AccountEvent,
    };
  }

  private async createKey(accountId: string, existing: { state: 'destroyed' } | null): Promise<Buffer> {
    // A destroyed key is never minted again: nothing more may be written about the person.
    if (existing) throw new Error(`account ${accountId} has been erased`);
    return this.keyring.create(accountId);
  }
}
