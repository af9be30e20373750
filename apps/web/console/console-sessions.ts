import { createHash, randomBytes } from 'node:crypto';
import type { ConsoleScope, ConsoleSessionConfig } from '@warden/infrastructure/config/console-config';
import type { Doc, ReadCollection, ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import type { Clock } from '@warden/shared/clock';
import type { Staff } from './staff';

export const CONSOLE_SESSIONS = 'console_sessions';

/** What the next page shows once: the outcome of the action just taken. */
export interface Flash {
  tone: 'done' | 'refused';
  text: string;
  /** The position the action's command returned: the next page reads its writes. */
  position?: string;
}

/** A flash as kept: named by the redirect of the action it reports, so only that page shows it. */
export interface KeptFlash extends Flash {
  id: string;
}

/** Outcomes kept per session: actions in several tabs at once each find theirs. */
const KEPT_FLASHES = 5;

interface SessionDoc extends Doc {
  /** SHA-256 of the cookie's token: the store never holds a usable token. */
  id: string;
  staffId: string;
  keyNames: Partial<Record<ConsoleScope, string>>;
  createdAt: string;
  lastSeenAt: string;
  /** Oldest first; at most KEPT_FLASHES. */
  flashes: KeptFlash[];
}

export interface ConsoleSession extends Staff {
  /** The store key, for flash writes; not the cookie's token. */
  readonly id: string;
  readonly flashes: readonly KeptFlash[];
}

/** A session's last use is written at most this often (the idle timeout is this coarse). */
const TOUCH_MS = 60_000;
const PURGE_EVERY_MS = 3_600_000;

/**
 * Server-side console sessions in the read store, which every API replica shares: the
 * cookie holds 256 random bits, the store their SHA-256. A session ends on sign-out, after
 * `idleSeconds` without a request, or `absoluteSeconds` after sign-in.
 */
export class ConsoleSessions {
  private readonly collection: ReadCollection<SessionDoc>;
  private lastPurge = Number.NEGATIVE_INFINITY;

  constructor(
    store: ReadStore,
    private readonly clock: Clock,
    private readonly config: ConsoleSessionConfig,
  ) {
    this.collection = store.collection<SessionDoc>(CONSOLE_SESSIONS);
  }

  /** Returns the cookie's token. Now and then (once an hour per process) purges expired sessions. */
  async start(staff: Staff): Promise<string> {
    const nowMs = this.clock.now().getTime();
    if (nowMs - this.lastPurge >= PURGE_EVERY_MS) {
      this.lastPurge = nowMs;
      void this.purgeExpired().catch(() => undefined); // best effort: the next start tries again in an hour
    }
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now().toISOString();
    await this.collection.put({
      id: digest(token),
      staffId: staff.staffId,
      keyNames: { ...staff.keyNames },
      createdAt: now,
      lastSeenAt: now,
      flashes: [],
    });
    return token;
  }

  /** The live session for this token, touched; null when unknown or timed out (then deleted). */
  async find(token: string | undefined): Promise<ConsoleSession | null> {
    if (!token || token.length > 100) return null;
    const doc = await this.collection.get(digest(token));
    if (!doc) return null;
    const now = this.clock.now().getTime();
    const idle = now - Date.parse(doc.lastSeenAt) > this.config.idleSeconds * 1000;
    const expired = now - Date.parse(doc.createdAt) > this.config.absoluteSeconds * 1000;
    if (idle || expired) {
      await this.collection.delete(doc.id);
      return null;
    }
    if (now - Date.parse(doc.lastSeenAt) >= TOUCH_MS) await this.collection.put({ ...doc, lastSeenAt: new Date(now).toISOString() });
    // A session kept before flashes were named has none (`flashes` absent).
    return { id: doc.id, staffId: doc.staffId, keyNames: doc.keyNames, flashes: doc.flashes ?? [] };
  }

  async end(token: string | undefined): Promise<void> {
    if (token) await this.collection.delete(digest(token));
  }

  /** Keeps an action's outcome for the page its redirect names; returns the name. */
  async keepFlash(session: ConsoleSession, flash: Flash): Promise<string> {
    const id = randomBytes(9).toString('base64url');
    await this.update(session.id, (doc) => ({ flashes: [...(doc.flashes ?? []), { ...flash, id }].slice(-KEPT_FLASHES) }));
    return id;
  }

  /** The flash of that name, removed so a reload does not repeat it; null when there is none. */
  async takeFlash(session: ConsoleSession, id: string | undefined): Promise<Flash | null> {
    const kept = id === undefined ? undefined : session.flashes.find((flash) => flash.id === id);
    if (!kept) return null;
    await this.update(session.id, (doc) => ({ flashes: (doc.flashes ?? []).filter((flash) => flash.id !== id) }));
    const { id: _name, ...flash } = kept;
    return flash;
  }

  /** Deletes sessions past their idle limit (which the absolute one outlasts); returns how many. */
  async purgeExpired(): Promise<number> {
    const now = this.clock.now().getTime();
    const idleCutoff = new Date(now - this.config.idleSeconds * 1000).toISOString();
    const stale = await this.collection.find({}, { range: { field: 'lastSeenAt', lt: idleCutoff } });
    for (const doc of stale) await this.collection.delete(doc.id);
    return stale.length;
  }

  private async update(id: string, change: (doc: SessionDoc) => Partial<SessionDoc>): Promise<void> {
    const doc = await this.collection.get(id);
    if (doc) await this.collection.put({ ...doc, ...change(doc) });
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
