import { AccountErrors } from '@warden/account/account.errors';
import { evolve, initialState, type AccountState } from '@warden/account/account.state';
import { liveSessions } from '@warden/account/sign-in/sign-in.state';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import type { ComplianceReadDeps } from './account-history';
import { occurredBy } from './as-of';
import { readStreamPages, STREAM_PAGE_SIZE } from './stored-stream';

/** A session that was live at the instant looked at (not revoked, not expired, not idle). */
export interface SessionAsOf {
  sessionId: string;
  startedAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

/**
 * The account as it stood at `asOf`, for compliance review. Secret-free by construction:
 * it lists the fields it shows and never copies the write model, so no password hash,
 * token hash, TOTP secret or recovery-code hash can reach it. Personal fields read
 * "[erased]" once the account's key is destroyed.
 */
export interface AccountStateAsOf {
  accountId: string;
  status: string | null;
  email: string;
  username: string | null;
  displayName: string;
  emailVerified: boolean;
  totpEnabled: boolean;
  passwordDisabled: boolean;
  lock: { reason: string; since: string } | null;
  suspension: { reason: string; policyRef: string; since: string } | null;
  /** A deletion scheduled and not cancelled yet: when it takes effect. */
  deletion: { executeAt: string } | null;
  /** Sessions live at `asOf`, oldest first. */
  sessions: SessionAsOf[];
  lastLoginAt: string | null;
  /** The instant looked at (ISO-8601 UTC). */
  asOf: string;
  /** Revision of the last event folded in. */
  revision: number;
}

/**
 * Folds the account's events with occurredAt ≤ asOf (read page by page from the event
 * store, decoded: upcast and decrypted) with the domain's own `evolve`, so the answer is
 * what the deciders would have seen then. `404 account_not_found` when the account had no
 * event yet at that instant (or has none at all).
 */
export async function accountStateAt(
  deps: ComplianceReadDeps,
  accountId: string,
  asOf: Date,
  options: { pageSize?: number } = {},
): Promise<AccountStateAsOf> {
  let state = initialState();
  let revision = -1;
  for await (const page of readStreamPages(deps.events, accountStream(accountId), options.pageSize ?? STREAM_PAGE_SIZE)) {
    for (const recorded of page) {
      if (!occurredBy(recorded.occurredAt, asOf)) continue;
      const decoded = await deps.codec.decode(recorded);
      state = evolve(state, decoded.event, { occurredAt: decoded.occurredAt });
      revision = decoded.revision;
    }
  }
  if (revision < 0) throw AccountErrors.notFound();
  return toStateView(state, asOf, revision);
}

function toStateView(state: AccountState, asOf: Date, revision: number): AccountStateAsOf {
  const sessions = liveSessions(state, asOf)
    .map(({ sessionId, startedAt, expiresAt, lastSeenAt }) => ({ sessionId, startedAt, expiresAt, lastSeenAt }))
    .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.sessionId < b.sessionId ? -1 : 1));
  return {
    accountId: state.accountId,
    status: state.status,
    email: state.email,
    username: state.username,
    displayName: state.displayName,
    emailVerified: state.emailVerified,
    totpEnabled: state.totpEnabled,
    passwordDisabled: state.passwordDisabled,
    lock: state.lock ? { reason: state.lock.reason, since: state.lock.since } : null,
    suspension: state.suspension
      ? { reason: state.suspension.reason, policyRef: state.suspension.policyRef, since: state.suspension.since }
      : null,
    deletion: state.deletion ? { executeAt: state.deletion.executeAt } : null,
    sessions,
    lastLoginAt: state.lastLoginAt,
    asOf: asOf.toISOString(),
    revision,
  };
}
