import fc from 'fast-check';
import type { AccountEvent } from '@warden/account/account.events';
import type { IssuedToken } from '@warden/account/issued-token';
import type { Origin, SessionEndReason } from '@warden/account/sign-in/sign-in.events';

/**
 * Random account events for property tests of the fold. Ids come from small pools so that
 * later events meet earlier ones (a revocation ends a session that exists, a credential is
 * used after it was issued), and every field evolve reads is exercised, nulls included.
 */
const id = (prefix: string) => fc.integer({ min: 1, max: 4 }).map((n) => `${prefix}${n}`);
const text = fc.string({ maxLength: 12 });
const instant = fc.integer({ min: 0, max: 60 * 86400 }).map((s) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString());
const hash = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 4, maxLength: 8 });
const token: fc.Arbitrary<IssuedToken> = fc.record({ tokenId: id('t'), tokenHash: hash, expiresAt: instant });
const origin: fc.Arbitrary<Origin> = fc.record({ device: id('device-'), network: id('net-') });
const email = fc.constantFrom('ann@example.com', 'ann@example.org', 'bob@example.com');
const endReason = fc.constantFrom<SessionEndReason>('logout', 'revoked_by_owner', 'account_locked', 'password_changed');

// structuredClone: fast-check builds records without a prototype; real events have Object's.
const ev = <T extends AccountEvent['type']>(type: T, data: fc.Arbitrary<Extract<AccountEvent, { type: T }>['data']>) =>
  data.map((d) => ({ type, data: structuredClone(d) }) as AccountEvent);

export const accountEventArbitrary: fc.Arbitrary<AccountEvent> = fc.oneof(
  ev('AccountRegistered', fc.record({ accountId: fc.constant('acc'), email, username: fc.option(text), displayName: text, passwordHash: hash, origin: fc.option(origin) })),
  ev('EmailVerificationRequested', fc.record({ tokenId: id('t'), tokenHash: hash, expiresAt: instant, email })),
  ev('EmailVerified', fc.record({ email })),
  ev('LoginFailed', fc.constant({ reason: 'wrong_password' as const })),
  ev('LoginSucceeded', fc.record({ sessionId: id('s') })),
  ev('NewDeviceDetected', fc.record({ sessionId: id('s'), newDevice: fc.boolean(), newNetwork: fc.boolean(), origin })),
  ev('SessionStarted', fc.record({ sessionId: id('s'), tokenHash: hash, expiresAt: instant, idleTimeoutSeconds: fc.nat(), origin: fc.option(origin) })),
  ev('SessionSeen', fc.record({ sessionId: id('s') })),
  ev('SessionRevoked', fc.record({ sessionId: id('s'), reason: endReason })),
  ev('PasswordResetRequested', fc.record({ tokenId: id('t'), tokenHash: hash, expiresAt: instant, email })),
  ev('PasswordChanged', fc.record({ passwordHash: hash })),
  ev('AccountLocked', fc.record({ reason: fc.constantFrom('unusual_activity' as const, 'manual' as const), note: fc.option(text), ownershipVerification: fc.option(token) })),
  ev('OwnershipVerified', fc.record({ method: fc.constantFrom('ownership_link' as const, 'password_reset' as const) })),
  ev('AccountUnlocked', fc.record({ reason: text })),
  ev('TotpEnrollmentStarted', fc.record({ secret: fc.base64String({ maxLength: 16 }) })),
  ev('TotpEnabled', fc.record({ step: fc.nat() })),
  ev('RecoveryCodesIssued', fc.record({ codeHashes: fc.array(hash, { maxLength: 4 }) })),
  ev('RecoveryCodeUsed', fc.record({ codeHash: hash })),
  ev('SecondFactorChallenged', fc.record({ challengeId: id('c'), tokenHash: hash, expiresAt: instant, maxTries: fc.integer({ min: 1, max: 5 }) })),
  ev('SecondFactorFailed', fc.record({ challengeId: fc.option(id('c')), reason: fc.constantFrom('wrong_code' as const, 'replayed_code' as const) })),
  ev('DisplayNameChanged', fc.record({ displayName: text })),
  ev('UsernameChanged', fc.record({ username: text, previous: fc.option(text) })),
  ev('EmailChangeRequested', fc.record({ tokenId: id('t'), tokenHash: hash, expiresAt: instant, newEmail: email, currentEmail: email })),
  ev('CredentialIssued', fc.record({ credentialId: id('cr'), label: text, prefix: text, secretHash: hash })),
  ev('CredentialUsed', fc.record({ credentialId: id('cr') })),
  ev('CredentialRevoked', fc.record({ credentialId: id('cr'), reason: fc.constant('owner' as const) })),
  ev('AccountSuspended', fc.record({ reason: text, policyRef: text })),
  ev('AccountReinstated', fc.record({ reason: text })),
  ev('AppealSubmitted', fc.record({ appealId: id('ap'), message: text })),
  ev('AccountDeletionScheduled', fc.record({ reason: text, ticketRef: text, graceDays: fc.nat(30), executeAt: instant, previousStatus: fc.constant('active') })),
  ev('AccountDeletionCancelled', fc.record({ restoredStatus: fc.constant('active') })),
  ev('PasswordAgeReminded', fc.record({ passwordChangedAt: instant, ageDays: fc.nat() })),
);

/** An account's history: registered first, as every real stream is. */
export const accountHistoryArbitrary = (maxLength: number): fc.Arbitrary<AccountEvent[]> =>
  fc
    .tuple(accountEventArbitrary.filter((e) => e.type === 'AccountRegistered'), fc.array(accountEventArbitrary, { maxLength }))
    .map(([first, rest]) => [first, ...rest]);
