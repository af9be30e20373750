import { createHash, createHmac, randomUUID } from 'node:crypto';
import { canonicalJson } from '@warden/shared/canonical-json';
import type { Clock } from '@warden/shared/clock';
import type { Doc, ReadCollection, ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { UniqueViolationError } from '@warden/infrastructure/read-store/unique-violation.error';
import { open, seal } from '@warden/infrastructure/crypto/aead';
import type { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';

/** The account data keys a stored response is sealed with (see IdempotencyStore). */
export type AccountKeys = Pick<DataKeyring, 'get'>;

export const IDEMPOTENCY_COLLECTION = 'idempotency';
/** Contract §2: the same caller and key within 24 h replays the first response. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * A pending record older than this is taken for abandoned (its process died midway)
 * and may be reserved again; no command takes anywhere near this long.
 */
export const PENDING_TIMEOUT_MS = 60 * 1000;

export interface StoredResponse {
  status: number;
  body: unknown;
  /** Only X-Event-Position: the one header a replay must repeat. */
  headers: Record<string, string>;
}

export interface IdempotencyRecord extends Doc, Partial<StoredResponse> {
  /** This attempt's id: a fresh one per reservation, so that `key` can be unique. */
  id: string;
  /** sha256 of caller + Idempotency-Key; unique index. */
  key: string;
  fingerprint: string;
  state: 'pending' | 'completed';
  /** The account the response is about: its body is sealed with that account's data key. */
  accountId?: string;
  createdAt: string;
}

export type Reservation =
  | { outcome: 'reserved'; record: IdempotencyRecord }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'in_progress' }
  | { outcome: 'mismatch' };

/** Scopes a client's key to the API key that sent it, so callers cannot collide. */
export function idempotencyKeyOf(caller: string, idempotencyKey: string): string {
  return sha256(`${caller}\u0000${idempotencyKey}`);
}

/**
 * What makes two requests "the same": method, path and body as canonical JSON. With `key`
 * an HMAC: a body holds passwords, and a plain hash of `{email, password}` is a guessing
 * target for whoever reads the store.
 */
export function requestFingerprint(method: string, path: string, body: unknown, key?: Buffer): string {
  // An absent body and `{}` are the same command (see the validation pipe).
  const text = `${method.toUpperCase()}\n${path}\n${canonicalJson(body ?? {})}`;
  return key ? createHmac('sha256', key).update(text, 'utf8').digest('hex') : sha256(text);
}

/**
 * Idempotency records in the read store. A key is reserved with a `pending` record
 * before the command runs; the unique index on `key` (enforced by the SQLite and
 * MongoDB adapters) makes that reservation atomic across API replicas.
 *
 * A response about an account (a TOTP secret and its otpauth URI with the email, a session
 * token…) is a copy of personal data: it is sealed with that account's data key, so the
 * account's erasure makes it unreadable like its events. A replay that finds the key
 * destroyed drops the record and runs the request again, which then answers as the erased
 * account now does. Other responses are sealed with the service's idempotency key.
 */
export class IdempotencyStore {
  private readonly collection: ReadCollection<IdempotencyRecord>;
  private indexes: Promise<void> | undefined;

  /** `bodyKey` encrypts stored bodies: a replayed login holds a session token. */
  constructor(
    store: ReadStore,
    private readonly clock: Clock,
    private readonly bodyKey: Buffer,
    private readonly accountKeys?: AccountKeys,
  ) {
    this.collection = store.collection<IdempotencyRecord>(IDEMPOTENCY_COLLECTION);
  }

  async reserve(key: string, fingerprint: string): Promise<Reservation> {
    await this.ensureIndexes();
    const now = this.clock.now();
    const existing = await this.current(key);
    if (existing) {
      const verdict = this.isLive(existing, now) ? await this.verdict(existing, fingerprint) : undefined;
      if (verdict) return verdict;
      await this.collection.delete(existing.id); // expired, abandoned by a dead process, or erased
    }
    const record: IdempotencyRecord = { id: randomUUID(), key, fingerprint, state: 'pending', createdAt: now.toISOString() };
    try {
      await this.collection.put(record);
    } catch (error) {
      if (!(error instanceof UniqueViolationError)) throw error;
      // Lost a race with another replica: the unique index refused our record.
      const winner = await this.current(key);
      const verdict = winner && winner.id !== record.id ? await this.verdict(winner, fingerprint) : undefined;
      if (verdict) return verdict;
      throw error;
    }
    return { outcome: 'reserved', record };
  }

  /** Stores the response; about `accountId`, sealed with its data key (not stored if it has none). */
  async complete(record: IdempotencyRecord, response: StoredResponse, accountId?: string): Promise<void> {
    const key = accountId ? await this.accountKey(accountId) : this.bodyKey;
    if (!key) {
      await this.release(record); // no key to seal it with: the account is gone, nothing to replay
      return;
    }
    const body = seal(key, Buffer.from(JSON.stringify(response.body ?? null), 'utf8'), record.key).toString('base64');
    await this.collection.put({ ...record, state: 'completed', ...response, body, ...(accountId ? { accountId } : {}) });
  }

  /** Frees the key after a failure, so the client's retry runs the command. */
  async release(record: IdempotencyRecord): Promise<void> {
    await this.collection.delete(record.id);
  }

  /** Deletes records past the 24 h window; for a scheduled job. Returns how many. */
  async purgeExpired(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - IDEMPOTENCY_TTL_MS).toISOString();
    const expired = await this.collection.find({}, { range: { field: 'createdAt', lt: cutoff } });
    for (const record of expired) await this.collection.delete(record.id);
    return expired.length;
  }

  private async current(key: string): Promise<IdempotencyRecord | undefined> {
    // Oldest first: should an adapter not enforce uniqueness, every replica still agrees.
    const [first] = await this.collection.find({ key }, { sort: [{ field: 'createdAt', direction: 'asc' }], limit: 1 });
    return first;
  }

  private isLive(record: IdempotencyRecord, now: Date): boolean {
    const age = now.getTime() - Date.parse(record.createdAt);
    return age < (record.state === 'completed' ? IDEMPOTENCY_TTL_MS : PENDING_TIMEOUT_MS);
  }

  /** What a live record means for a request; undefined when its response died with its account. */
  private async verdict(record: IdempotencyRecord, fingerprint: string): Promise<Reservation | undefined> {
    if (record.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    if (record.state === 'pending' || record.status === undefined) return { outcome: 'in_progress' };
    const key = record.accountId ? await this.accountKey(record.accountId, true) : this.bodyKey;
    if (!key) return undefined;
    const body: unknown = JSON.parse(open(key, Buffer.from(String(record.body), 'base64'), record.key).toString('utf8'));
    return { outcome: 'replay', response: { status: record.status, body, headers: record.headers ?? {} } };
  }

  private async accountKey(accountId: string, fresh = false): Promise<Buffer | null> {
    if (!this.accountKeys) return this.bodyKey;
    const dataKey = await this.accountKeys.get(accountId, { fresh });
    return dataKey?.state === 'active' ? dataKey.key : null;
  }

  private ensureIndexes(): Promise<void> {
    this.indexes ??= Promise.all([
      this.collection.ensureIndex('key', { unique: true }),
      this.collection.ensureIndex('createdAt'),
    ]).then(
      () => undefined,
      (error: unknown) => {
        this.indexes = undefined; // try again with the next request
        throw error;
      },
    );
    return this.indexes;
  }
}


function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
