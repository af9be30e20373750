import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountEvent } from '@warden/account/account.events';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import { SqliteEventStore } from '@warden/infrastructure/event-store/sqlite-event-store';
import { SqliteKeyStore } from '@warden/infrastructure/keys/sqlite-key-store';
import type { Doc, ReadCollection } from '@warden/infrastructure/read-store/read-store.port';
import { SqliteReadStore } from '@warden/infrastructure/read-store/sqlite-read-store';
import type { Actor, ClientContext } from '@warden/shared/envelope';
import { ACCOUNT_PROJECTIONS } from '../account-projections';
import { ProjectorRunner } from '../projector-runner';

/** How one append is recorded: when, by whom, from which client. */
export interface Recorded {
  occurredAt: string;
  actor?: Actor;
  client?: ClientContext;
  correlationId?: string;
}

export const OWNER: Actor = { type: 'service', id: 'projection-spec' };

/**
 * Given events → Then documents, through the surfaces a projector cannot fake: events are
 * encoded by the real codec (personal fields encrypted) and appended to a SQLite event
 * store; every account read model is advanced by a real ProjectorRunner into a SQLite
 * read store; the documents are read back through the read store's port.
 */
export class GivenEvents {
  private readonly dir = mkdtempSync(join(tmpdir(), 'warden-given-events-'));
  private readonly events = new SqliteEventStore(join(this.dir, 'events.db'));
  private readonly keys = new SqliteKeyStore(join(this.dir, 'keys.db'));
  private readonly keyring = new DataKeyring(this.keys, Buffer.alloc(32, 3));
  private readonly codec = new AccountEventCodec(this.keyring);
  private readonly store = new SqliteReadStore(join(this.dir, 'read-models.db'));
  private readonly runner = new ProjectorRunner({
    events: this.events,
    store: this.store,
    projections: ACCOUNT_PROJECTIONS,
    decode: (e) => this.codec.decode(e),
  });
  private readonly revisions = new Map<string, number>();

  /** Appends the events of one command to the account's stream; returns their event ids. */
  async append(accountId: string, events: AccountEvent[], recorded: Recorded): Promise<string[]> {
    const encoded = await this.codec.encode(accountId, events, {
      correlationId: recorded.correlationId ?? `corr-${recorded.occurredAt}`,
      causationId: 'projection-spec',
      actor: recorded.actor ?? OWNER,
      client: recorded.client,
      occurredAt: recorded.occurredAt,
    });
    const revision = this.revisions.get(accountId);
    const result = await this.events.append(accountStream(accountId), encoded, revision ?? 'no_stream');
    this.revisions.set(accountId, result.revision);
    return encoded.map((e) => e.eventId);
  }

  /** Appends one command per entry, the n-th (from 0) recorded at `at(n)`; then projects. */
  async history(accountId: string, commands: AccountEvent[][], recorded: Omit<Recorded, 'occurredAt'> = {}): Promise<void> {
    for (const [n, events] of commands.entries()) await this.append(accountId, events, { ...recorded, occurredAt: at(n) });
    await this.project();
  }

  /** A new account: registered, then this history (one command per entry, the first at `at(1)`), projected; returns its id. */
  async registeredWith(commands: AccountEvent[][], recorded: Omit<Recorded, 'occurredAt'> = {}): Promise<string> {
    const accountId = randomUUID();
    await this.history(accountId, [[registered(accountId)], ...commands], recorded);
    return accountId;
  }

  /** `registeredWith`, then the document `id` of `collection` (null when none was written). */
  async docAfter<T extends Doc>(collection: string, id: string, commands: AccountEvent[][], recorded: Omit<Recorded, 'occurredAt'> = {}): Promise<{ accountId: string; doc: T | null }> {
    const accountId = await this.registeredWith(commands, recorded);
    return { accountId, doc: await this.store.collection<T>(collection).get(id) };
  }

  /** The account's documents of an insert-only log (audit, activity), oldest first. */
  entriesOf<T extends Doc>(collection: string, accountId: string): Promise<T[]> {
    return this.store.collection<T>(collection).find({ accountId }, { sort: [{ field: 'occurredAt', direction: 'asc' }] });
  }

  /** Runs every account read model up to the store's head. */
  project(): Promise<void> {
    return this.runner.catchUp();
  }

  collection<T extends Doc>(name: string): ReadCollection<T> {
    return this.store.collection<T>(name);
  }

  async close(): Promise<void> {
    await this.runner.stop();
    await this.store.close();
    await this.keys.close();
    await this.events.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A GivenEvents for the enclosing describe block, closed after it. */
export function givenEventsForSuite(): GivenEvents {
  const given = new GivenEvents();
  afterAll(() => given.close());
  return given;
}

/** One second apart from 2026-01-01T00:00:00Z: `at(3)` is three seconds in. */
export const at = (seconds: number): string => new Date(Date.UTC(2026, 0, 1) + seconds * 1000).toISOString();

/** Registered with a username, not yet verified. */
export function registered(accountId: string, overrides: Partial<{ email: string; username: string | null; displayName: string }> = {}): AccountEvent {
  return {
    type: 'AccountRegistered',
    data: {
      accountId,
      email: overrides.email ?? 'Ann.Lee@Example.COM',
      username: overrides.username === undefined ? 'Ann_Lee' : overrides.username,
      displayName: overrides.displayName ?? 'Ann Lee',
      passwordHash: '$2b$04$notarealhashnotarealhashnotarealhashnotarealhashno',
      origin: null,
    },
  };
}
