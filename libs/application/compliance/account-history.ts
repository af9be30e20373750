import { AccountErrors } from '@warden/account/account.errors';
import type { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import type { Actor, ClientContext, JsonObject, Position } from '@warden/shared/envelope';
import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import { occurredBy } from './as-of';
import { readStreamPages, STREAM_PAGE_SIZE } from './stored-stream';

/**
 * One line of an account's history (contract §3.3): the stored envelope with `data`
 * upcast to the current schema and personal fields decrypted ("[erased]" once the
 * account's key is destroyed). `hash`/`prevHash` are the chain values as stored.
 */
export interface HistoryLine {
  revision: number;
  position: Position;
  eventId: string;
  type: string;
  /** The schema version after upcasting, i.e. the shape `data` has. */
  schemaVersion: number;
  occurredAt: string;
  actor: Actor;
  /** The end user's client, decrypted, when the event was caused on their behalf. */
  client?: ClientContext;
  correlationId: string;
  causationId: string;
  data: JsonObject;
  hash: string;
  prevHash: string;
}

export interface ComplianceReadDeps {
  events: Pick<EventStore, 'readStream'>;
  codec: Pick<AccountEventCodec, 'decode'>;
}

export interface HistoryOptions {
  /** Only events that had happened by then (occurredAt ≤ asOf). */
  asOf?: Date;
  pageSize?: number;
}

/** Pages of history lines, oldest first; never an empty page. */
export type AccountHistory = AsyncIterable<HistoryLine[]>;

/**
 * Opens an account's history straight from the event store (never a read model). The
 * first page is read and decoded before this resolves, so an unknown account (or a
 * failure to read or decode) is an ordinary error the caller can still answer with,
 * before it has written anything; later pages are read as the caller consumes them.
 */
export async function openAccountHistory(
  deps: ComplianceReadDeps,
  accountId: string,
  options: HistoryOptions = {},
): Promise<AccountHistory> {
  const pages = historyPages(deps, accountId, options);
  const first = await pages.next();
  if (first.done) {
    await pages.return(undefined);
    throw AccountErrors.notFound();
  }
  return (async function* () {
    yield first.value;
    yield* { [Symbol.asyncIterator]: () => pages };
  })();
}

async function* historyPages(deps: ComplianceReadDeps, accountId: string, options: HistoryOptions): AsyncGenerator<HistoryLine[]> {
  const { asOf } = options;
  for await (const page of readStreamPages(deps.events, accountStream(accountId), options.pageSize ?? STREAM_PAGE_SIZE)) {
    const wanted = asOf ? page.filter((event) => occurredBy(event.occurredAt, asOf)) : page;
    if (wanted.length === 0) continue;
    // An AccountDeleted is decoded first: its fresh look at the key (never a cached one)
    // then decides how every event of the page reads, so none shows clear data next to it.
    const deletion = wanted.find((event) => event.type === 'AccountDeleted');
    if (deletion) await deps.codec.decode(deletion);
    const lines: HistoryLine[] = [];
    for (const recorded of wanted) {
      const decoded = await deps.codec.decode(recorded);
      const { metadata } = decoded;
      lines.push({
        revision: decoded.revision,
        position: decoded.position,
        eventId: decoded.eventId,
        type: decoded.type,
        schemaVersion: decoded.schemaVersion,
        occurredAt: decoded.occurredAt,
        actor: metadata.actor,
        ...(metadata.client ? { client: metadata.client } : {}),
        correlationId: metadata.correlationId,
        causationId: metadata.causationId,
        data: withoutPasswordHash(decoded.data),
        hash: metadata.hash,
        prevHash: metadata.prevHash,
      });
    }
    yield lines;
  }
}

/** The NDJSON form: one JSON object per line, each line ending in "\n". */
export const toNdjson = (lines: readonly HistoryLine[]): string => lines.map((line) => `${JSON.stringify(line)}\n`).join('');

/**
 * A password hash is never shown, not even to compliance: a reviewer needs to know that a
 * password was set, not its bcrypt hash, which is an offline-cracking target.
 */
export const REDACTED = '[redacted]';

function withoutPasswordHash(data: JsonObject): JsonObject {
  const hash = data.passwordHash;
  return typeof hash === 'string' && hash !== ERASED ? { ...data, passwordHash: REDACTED } : data;
}
