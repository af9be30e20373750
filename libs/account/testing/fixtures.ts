import type { LogIn, NewSession } from '../account.commands';
import { accountDecider } from '../account.decider';
import type { AccountEvent, IssuedToken, Origin, SessionEndReason } from '../account.events';
import { DeciderSpecification, type Given } from '../../shared/testing/decider-spec';

/**
 * Shared givens for the account specs. One account, Ann's, registered from her laptop at
 * T0 (the spec's epoch: plain givens happen then; `happened(event, minutes)` places one later).
 */
export const spec = DeciderSpecification(accountDecider);

export const T0 = '2026-01-01T00:00:00.000Z';
/** Durations in minutes, the unit of `at`. */
export const HOUR = 60;
export const DAY = 24 * HOUR;

export const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
export const happened = (event: AccountEvent, minutes: number): Given<AccountEvent> => ({ event, at: at(minutes) });

export const EMAIL = 'ann@example.com';
export const home: Origin = { device: 'laptop', network: '203.0.113.0/24' };
export const token = (id: string, expiresAt = at(DAY)): IssuedToken => ({ tokenId: id, tokenHash: `hash-${id}`, expiresAt });

export const registeredFrom = (origin: Origin | null): AccountEvent => ({
  type: 'AccountRegistered',
  data: { accountId: 'a1', email: EMAIL, username: 'ann', displayName: 'Ann', passwordHash: 'bcrypt', origin },
});
export const registered = registeredFrom(home);
export const verificationRequested: AccountEvent = { type: 'EmailVerificationRequested', data: { ...token('t1'), email: EMAIL } };
export const verified: AccountEvent = { type: 'EmailVerified', data: { email: EMAIL } };
/** Registered and verified: the usual starting point. */
export const active: AccountEvent[] = [registered, verificationRequested, verified];

/** A session as the handler mints it: 30 days absolute, 7 days idle, from Ann's laptop. */
export const newSession = (sessionId: string, overrides: Partial<NewSession> = {}): NewSession => ({
  sessionId,
  tokenHash: `sh-${sessionId}`,
  expiresAt: at(30 * DAY),
  idleTimeoutSeconds: 7 * 86400,
  origin: home,
  ...overrides,
});
export const sessionStarted = (sessionId: string, overrides: Partial<NewSession> = {}): AccountEvent => ({
  type: 'SessionStarted',
  data: newSession(sessionId, overrides),
});
export const loginSucceeded = (sessionId: string): AccountEvent => ({ type: 'LoginSucceeded', data: { sessionId } });
export const sessionSeen = (sessionId: string): AccountEvent => ({ type: 'SessionSeen', data: { sessionId } });
export const revoked = (reason: SessionEndReason, ...sessionIds: string[]): AccountEvent[] =>
  sessionIds.map((sessionId) => ({ type: 'SessionRevoked', data: { sessionId, reason } }));

export const loginFailed: AccountEvent = { type: 'LoginFailed', data: { reason: 'wrong_password' } };
/** `count` wrong passwords, one a minute from `fromMinute` on. */
export const failures = (count: number, fromMinute: number): Given<AccountEvent>[] =>
  Array.from({ length: count }, (_, i) => happened(loginFailed, fromMinute + i));

/** The contract's default: 10 failures within 15 minutes lock the account. */
export const lockPolicy = { threshold: 10, windowSeconds: 15 * 60 };
/** The ownership link a login mints in case its failure locks the account (valid 7 days). */
export const lockLink = token('own', at(7 * DAY));

export const logIn = (passwordMatches: boolean, overrides: Partial<LogIn> = {}): LogIn => ({
  type: 'LogIn',
  now: at(30),
  passwordMatches,
  session: newSession('s9'),
  lockPolicy,
  ownershipVerification: lockLink,
  ...overrides,
});
/** What a successful login of `session` appends when its origin is known. */
export const signedIn = (session: NewSession): AccountEvent[] => [
  { type: 'SessionStarted', data: session },
  loginSucceeded(session.sessionId),
];

export const lockedForUnusualActivity: AccountEvent = {
  type: 'AccountLocked',
  data: { reason: 'unusual_activity', note: null, ownershipVerification: lockLink },
};
export const lockedManually: AccountEvent = {
  type: 'AccountLocked',
  data: { reason: 'manual', note: 'chargeback fraud', ownershipVerification: null },
};
export const unlockedBySupport: AccountEvent = { type: 'AccountUnlocked', data: { reason: 'identity checked by phone' } };
export const unlockedByLink: AccountEvent[] = [
  { type: 'OwnershipVerified', data: { method: 'ownership_link' } },
  { type: 'AccountUnlocked', data: { reason: 'ownership verified (ownership link)' } },
];
export const unlockedByReset: AccountEvent[] = [
  { type: 'OwnershipVerified', data: { method: 'password_reset' } },
  { type: 'AccountUnlocked', data: { reason: 'ownership verified (password reset)' } },
];

export const passwordDisabled: AccountEvent = { type: 'PasswordDisabled', data: { reason: 'password found in a breach' } };
export const resetRequested = (id: string, expiresAt = at(HOUR)): AccountEvent => ({
  type: 'PasswordResetRequested',
  data: { ...token(id, expiresAt), email: EMAIL },
});
export const resetCompleted: AccountEvent = { type: 'PasswordResetCompleted', data: { passwordHash: 'bcrypt-new' } };
export const ownershipRequested = (id: string, expiresAt = at(7 * DAY)): AccountEvent => ({
  type: 'OwnershipVerificationRequested',
  data: { ...token(id, expiresAt), email: EMAIL },
});
