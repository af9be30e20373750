import { randomBytes } from 'node:crypto';
import type { AccountEvent } from '@warden/account/account.events';
import type { EventToAppend, RecordedEvent } from '@warden/shared/envelope';
import { DomainError } from '@warden/shared/errors';
import * as aead from '../crypto/aead';
import { DataKeyring } from '../crypto/data-keyring';
import { ERASED } from '../crypto/personal-data';
import { KeyAlreadyExistsError, type KeyStore, type StoredKey } from '../keys/key-store.port';
import { AccountEventCodec } from './account-event.codec';
import { accountStream } from './account-streams';

/** Above the KeyStore port: an in-memory store with tombstones. */
class MemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, StoredKey>();
  async create(accountId: string, wrappedKey: Buffer) {
    if (this.keys.has(accountId)) throw new KeyAlreadyExistsError(accountId);
    this.keys.set(accountId, { state: 'active', wrappedKey });
  }
  async get(accountId: string) {
    return this.keys.get(accountId) ?? null;
  }
  async destroy(accountId: string, at: Date) {
    this.keys.set(accountId, { state: 'destroyed', destroyedAt: at.toISOString() });
  }
  async ping() {}
  async close() {}
}

const ACCOUNT = '6f1c2a8e-4b7d-4e0a-9c3f-2d5b8a1e7f40';
const META = { occurredAt: '2026-01-01T00:00:00.000Z', correlationId: 'c', causationId: 'c', actor: { type: 'system' as const, id: 't' } };
const HASH = '$2b$04$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012';

const recorded = (event: EventToAppend, revision = 0): RecordedEvent => ({
  ...event,
  streamId: accountStream(ACCOUNT),
  revision,
  position: String(revision).padStart(20, '0'),
  metadata: { ...event.metadata, prevHash: '0', hash: '0' },
});

describe('AccountEventCodec and erasure', () => {
  let keyring: DataKeyring;
  let codec: AccountEventCodec;
  beforeEach(() => {
    keyring = new DataKeyring(new MemoryKeyStore(), randomBytes(32));
    codec = new AccountEventCodec(keyring);
  });

  it('stores a password hash encrypted (v2), and reads it back while the key lives', async () => {
    const [stored] = await codec.encode(ACCOUNT, [{ type: 'PasswordChanged', data: { passwordHash: HASH } }], META);
    expect(stored.schemaVersion).toBe(2);
    expect(JSON.stringify(stored)).not.toContain('$2b$');
    expect((await codec.decode(recorded(stored))).data.passwordHash).toBe(HASH);
  });

  it('reads a v1 clear hash as it is while the key lives, and "[erased]" once it is destroyed', async () => {
    await keyring.create(ACCOUNT);
    const v1 = recorded({ eventId: 'e1', type: 'PasswordChanged', schemaVersion: 1, occurredAt: META.occurredAt, data: { passwordHash: HASH }, metadata: META });
    expect(await codec.decode(v1)).toMatchObject({ schemaVersion: 2, data: { passwordHash: HASH } });
    await keyring.destroy(ACCOUNT, new Date());
    expect((await codec.decode(v1)).data.passwordHash).toBe(ERASED);
  });

  it('writes nothing personal once the key is destroyed, but does write the deletion', async () => {
    await keyring.create(ACCOUNT);
    await keyring.destroy(ACCOUNT, new Date());
    const deletion: AccountEvent[] = [
      { type: 'SessionRevoked', data: { sessionId: 's1', reason: 'account_deleted' } },
      { type: 'AccountDeleted', data: { email: ERASED, username: null } },
    ];
    const stored = await codec.encode(ACCOUNT, deletion, META);
    expect(stored.map((e) => e.data)).toEqual(deletion.map((e) => e.data));
    const personal = codec.encode(ACCOUNT, [{ type: 'DisplayNameChanged', data: { displayName: 'Ann' } }], META);
    await expect(personal).rejects.toBeInstanceOf(DomainError);
    await expect(personal).rejects.toMatchObject({ code: 'account_not_found', status: 404 });
    const withClient = codec.encode(ACCOUNT, deletion, { ...META, client: { ip: '203.0.113.7', userAgent: 'ua' } });
    await expect(withClient).rejects.toMatchObject({ code: 'account_not_found' });
  });
  it("opens a command's sealed client context once for all its events, and never past the key's destruction", async () => {
    const client = { ip: '203.0.113.7', userAgent: 'ua', deviceId: 'd1' };
    const command: AccountEvent[] = [
      { type: 'LoginSucceeded', data: { sessionId: 's1' } },
      { type: 'SessionSeen', data: { sessionId: 's1' } },
    ];
    const [first, second] = await codec.encode(ACCOUNT, command, { ...META, client });
    const [other] = await codec.encode(ACCOUNT, [command[1]], { ...META, client });
    const opened = jest.spyOn(aead, 'open');
    try {
      expect((await codec.decode(recorded(first, 0))).metadata.client).toEqual(client);
      expect(opened).toHaveBeenCalledTimes(3);
      opened.mockClear();
      expect((await codec.decode(recorded(second, 1))).metadata.client).toEqual(client);
      expect(opened).not.toHaveBeenCalled();
      expect((await codec.decode(recorded(other, 2))).metadata.client).toEqual(client);
      expect(opened).toHaveBeenCalledTimes(3);

      await keyring.destroy(ACCOUNT, new Date());
      expect((await codec.decode(recorded(other, 2))).metadata.client).toEqual({ ip: ERASED, userAgent: ERASED, deviceId: ERASED });
    } finally {
      opened.mockRestore();
    }
  });
});
