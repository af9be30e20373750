import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../libs/shared/canonical-json';
import type { Clock } from '../../../libs/shared/clock';
import type { Doc, ReadCollection, ReadStore } from '../../../libs/infrastructure/read-store/read-store.port';
import { UniqueViolationError } from '../../../libs/infrastructure/read-store/unique-violation.error';
import { open, seal } from '../../../libs/infrastructure/crypto/aead';

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

/** What makes two requests "the same": method, path and body as canonical JSON. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  // An absent body and `{}` are the same command (see the validation pipe).
  return sha256(`${method.toUpperCase()}\n${path}\n${canonicalJson(body ?? {})}`);
}

/**
 * Idempotency records in the read store. A key is reserved with a `pending` record
 * before the command runs; the unique index on `key` (enforced by the SQLite and
 * MongoDB adapters) makes that reservation atomic across API replicas.
 */
export class IdempotencyStore {
  private readonly collection: ReadCollection<IdempotencyRecord>;
  private indexes: Promise<void> | undefined;

  /** `bodyKey` encrypts stored bodies: a replayed login holds a session token. */
  constructor(
    store: ReadStore,
    private readonly clock: Clock,
    private readonly bodyKey: Buffer,
  ) {
    this.collection = store.collection<IdempotencyRecord>(IDEMPOTENCY_COLLECTION);
  }

  async reserve(key: string, fingerprint: string): Promise<Reservation> {
    await this.ensureIndexes();
    const now = this.clock.now();
    const existing = await this.current(key);
    if (existing) {
      if (this.isLive(existing, now)) return this.verdict(existing, fingerprint);
      await this.collection.delete(existing.id); // expired, or abandoned by a dead process
    }
    const record: IdempotencyRecord = { id: randomUUID(), key, fingerprint, state: 'pending', createdAt: now.toISOString() };
    try {
      await this.collection.put(record);
    } catch (error) {
      if (!(error instanceof UniqueViolationError)) throw error;
      // Lost a race with another replica: the unique index refused our record.
      const winner = await this.current(key);
      if (winner && winner.id !== record.id) return this.verdict(winner, fingerprint);
      throw error;
    }
    return { outcome: 'reserved', record };
  }

  async complete(record: IdempotencyRecord, response: StoredResponse): Promise<void> {
    const body = seal(this.bodyKey, Buffer.from(JSON.stringify(response.body ?? null), 'utf8'), record.key).toString('base64');
    await this.collection.put({ ...record, state: 'completed', ...response, body });
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

  private verdict(record: IdempotencyRecord, fingerprint: string): Reservation {
    if (record.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    if (record.state === 'pending' || record.status === undefined) return { outcome: 'in_progress' };
    const body: unknown = JSON.parse(open(this.bodyKey, Buffer.from(String(record.body), 'base64'), record.key).toString('utf8'));
    return { outcome: 'replay', response: { status: record.status, body, headers: record.headers ?? {} } };
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
