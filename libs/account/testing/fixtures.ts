import type { AccountCommand } from '../account.commands';
import type { CompleteSecondFactor, LogIn, NewChallenge, NewSession } from '../sign-in/sign-in.commands';
import type { SecondFactorCheck } from '../two-factor/two-factor.commands';
import { accountDecider } from '../account.decider';
import type { AccountEvent } from '../account.events';
import type { IssuedToken } from '../issued-token';
import type { Origin, SessionEndReason } from '../sign-in/sign-in.events';
import type { SecondFactorVerified } from '../two-factor/two-factor.events';
import type { AccountState } from '../account.state';
import { DeciderSpecification, type Given } from '@warden/shared/testing/decider-spec';
import { DomainError } from '@warden/shared/errors';

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
/** The write model after `history`, folded the way the spec harness folds its givens. */
export const stateOf = (...history: Given<AccountEvent>[]): AccountState =>
  history.reduce<AccountState>(
    (state, item) =>
      'event' in item ? accountDecider.evolve(state, item.event, { occurredAt: item.at }) : accountDecider.evolve(state, item, { occurredAt: T0 }),
    accountDecider.initialState(),
  );

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

/** A second-factor challenge as the handler mints it at a login at minute 30: 5 minutes, 5 tries. */
export const newChallenge = (challengeId: string, overrides: Partial<NewChallenge> = {}): NewChallenge => ({
  challengeId,
  tokenHash: `ch-${challengeId}`,
  expiresAt: at(35),
  maxTries: 5,
  ...overrides,
});
export const challenged = (challengeId: string, overrides: Partial<NewChallenge> = {}): AccountEvent => ({
  type: 'SecondFactorChallenged',
  data: newChallenge(challengeId, overrides),
});

export const logIn = (passwordMatches: boolean, overrides: Partial<LogIn> = {}): LogIn => ({
  type: 'LogIn',
  now: at(30),
  passwordMatches,
  session: newSession('s9'),
  challenge: newChallenge('c1'),
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
/** The owner opened an ownership link. */
export const verifiedByLink: AccountEvent = { type: 'OwnershipVerified', data: { method: 'ownership_link' } };
export const unlockedByLink: AccountEvent[] = [
  verifiedByLink,
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

/* Two-factor authentication. */

export const SECRET = 'JBSWY3DPEHPK3PXP';
/** The TOTP time step of the code that confirmed Ann's enrolment. */
export const ENROLLED_STEP = 1000;
/** Hashes of Ann's recovery codes (the codes themselves are never stored). */
export const RECOVERY_CODES = ['rc-1', 'rc-2', 'rc-3'];

export const totpStarted = (secret = SECRET): AccountEvent => ({ type: 'TotpEnrollmentStarted', data: { secret } });
export const totpEnabled = (step = ENROLLED_STEP): AccountEvent => ({ type: 'TotpEnabled', data: { step } });
export const codesIssued = (codeHashes = RECOVERY_CODES): AccountEvent => ({ type: 'RecoveryCodesIssued', data: { codeHashes } });
export const totpDisabled = (reason: 'owner' | 'account_recovery' | 'recovery_case_approved'): AccountEvent => ({
  type: 'TotpDisabled',
  data: { reason },
});
/** Active, with 2FA on: enrolled, confirmed at ENROLLED_STEP, recovery codes issued. */
export const withTotp: AccountEvent[] = [...active, totpStarted(), totpEnabled(), codesIssued()];

/** What the handler found out about a presented code. */
export const noCode: SecondFactorCheck = { kind: 'not_given' };
export const totpCode = (step: number | null): SecondFactorCheck => ({ kind: 'totp', step });
export const recoveryCode = (codeHash: string): SecondFactorCheck => ({ kind: 'recovery_code', codeHash });

export type Purpose = SecondFactorVerified['data']['purpose'];
export const totpVerified = (purpose: Purpose, step: number): AccountEvent => ({
  type: 'SecondFactorVerified',
  data: { purpose, proof: { method: 'totp', step } },
});
export const recoveryCodeUsed = (codeHash: string): AccountEvent => ({ type: 'RecoveryCodeUsed', data: { codeHash } });
/** A recovery code accepted as the second factor: spent, then recorded as the proof. */
export const recoveryCodeVerified = (purpose: Purpose, codeHash: string): AccountEvent[] => [
  recoveryCodeUsed(codeHash),
  { type: 'SecondFactorVerified', data: { purpose, proof: { method: 'recovery_code', codeHash } } },
];

export const secondFactorFailed = (
  challengeId: string,
  reason: 'wrong_code' | 'replayed_code' | 'used_recovery_code' = 'wrong_code',
): AccountEvent => ({ type: 'SecondFactorFailed', data: { challengeId, reason } });

/** The contract's default: 3 second-factor failures after a correct password lock the account. */
export const secondFactorLockPolicy = { threshold: 3, windowSeconds: 15 * 60 };

/** The second login step, one minute after the password step, answering challenge c1. */
export const answer = (secondFactor: SecondFactorCheck, overrides: Partial<CompleteSecondFactor> = {}): CompleteSecondFactor => ({
  type: 'CompleteSecondFactor',
  now: at(31),
  challengeTokenHash: 'ch-c1',
  secondFactor,
  session: newSession('s9'),
  lockPolicy: secondFactorLockPolicy,
  ownershipVerification: lockLink,
  ...overrides,
});

/**
 * The refusal `command` meets after `history`, as {code, details}. A wrong code and a
 * missing one share the code `invalid_code`; only a missing one says `{required: true}`,
 * which `thenThrows` cannot assert absent.
 */
export const refusalOf = (command: AccountCommand, ...history: Given<AccountEvent>[]): { code: string; details: unknown } => {
  try {
    accountDecider.decide(command, stateOf(...history));
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error(`${command.type} was not refused`);
};
