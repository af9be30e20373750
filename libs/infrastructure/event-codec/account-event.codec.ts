import { randomUUID } from 'node:crypto';
import type { AccountEvent } from '@warden/account/account.events';
import { PERSONAL_FIELDS, SCHEMA_VERSIONS, isAccountEventType } from '@warden/account/account.events';
import { upcast } from '@warden/account/account.upcasters';
import type { ClientContext, EventMetadataInput, EventToAppend, JsonObject, RecordedEvent } from '@warden/shared/envelope';
import type { DataKeyring } from '../crypto/data-keyring';
import { decryptFields, encryptFields, holdsNoPersonalData } from '../crypto/personal-data';
import { DomainError } from '@warden/shared/errors';
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
    if (dataKey?.state === 'destroyed') return this.encodeAfterErasure(accountId, events, metadata);
    const key = dataKey?.state === 'active' ? dataKey.key : await this.keyring.create(accountId);
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

  /**
   * A destroyed key is never minted again: nothing more may be written about the person.
   * What may still be written is what holds nothing personal — the deletion's own events,
   * appended after the key is gone (their personal fields read "[erased]" already).
   */
  private encodeAfterErasure(accountId: string, events: AccountEvent[], metadata: EncodeMetadata): EventToAppend[] {
    const { occurredAt, client, ...rest } = metadata;
    const personal = client !== undefined || events.some((e) => !holdsNoPersonalData(e.data as JsonObject, PERSONAL_FIELDS[e.type]));
    if (personal) throw new DomainError('account_not_found', 404, `Account ${accountId} has been erased.`);
    return events.map((event) => ({
      eventId: randomUUID(),
      type: event.type,
      schemaVersion: SCHEMA_VERSIONS[event.type],
      occurredAt,
      data: { ...(event.data as JsonObject) },
      metadata: { ...rest },
    }));
  }

  /**
   * The client context last opened. A command's events carry one sealed context (encode
   * seals it once for all of them), so the events after the first find it here rather
   * than decrypt it again. Keys are never minted twice for an account, so the same
   * ciphertext of the same account with a live key always opens to the same values.
   */
  private lastClient: { accountId: string; keyed: boolean; erased: boolean; sealed: ClientContext; clear: ClientContext } | undefined;

  private openClient(key: Buffer | null, accountId: string, sealed: ClientContext, erased: boolean): ClientContext {
    const last = this.lastClient;
    if (last && last.accountId === accountId && last.keyed === (key !== null) && last.erased === erased && sameValues(last.sealed, sealed)) {
      return { ...last.clear };
    }
    const clear = decryptFields(key, accountId, { ...sealed }, CLIENT_FIELDS, erased) as ClientContext;
    this.lastClient = { accountId, keyed: key !== null, erased, sealed, clear };
    return { ...clear };
  }

  async decode(recorded: RecordedEvent): Promise<DecodedAccountEvent> {
    const accountId = accountIdOfStream(recorded.streamId);
    if (!accountId || !isAccountEventType(recorded.type)) {
      throw new Error(`not an account event: ${recorded.type} in ${recorded.streamId}`);
    }
    // Next to an AccountDeleted no personal data may show: never trust a cached key there.
    const dataKey = await this.keyring.get(accountId, { fresh: recorded.type === 'AccountDeleted' });
    const key = dataKey?.state === 'active' ? dataKey.key : null;
    const erased = dataKey?.state === 'destroyed';
    const { schemaVersion, data: upcast_ } = upcast(recorded.type, recorded.schemaVersion, recorded.data);
    const data = decryptFields(key, accountId, upcast_, PERSONAL_FIELDS[recorded.type], erased);
    const client = recorded.metadata.client ? this.openClient(key, accountId, recorded.metadata.client, erased) : undefined;
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
}

function sameValues(a: object, b: object): boolean {
  const left = Object.entries(a);
  return left.length === Object.keys(b).length && left.every(([field, value]) => (b as Record<string, unknown>)[field] === value);
}
