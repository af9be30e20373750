import type { AccountEvent } from './account.events';
import { accountDecider } from './account.decider';
import { DeciderSpecification } from '../shared/testing/decider-spec';

const spec = DeciderSpecification(accountDecider);
const T0 = '2026-01-01T00:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

const home = { device: 'laptop', network: '203.0.113.0/24' };
const token = (id: string, expiresAt = at(24 * 60)) => ({ tokenId: id, tokenHash: `hash-${id}`, expiresAt });

const registered: AccountEvent = {
  type: 'AccountRegistered',
  data: { accountId: 'a1', email: 'ann@example.com', username: 'ann', displayName: 'Ann', passwordHash: 'bcrypt', origin: home },
};
const verificationRequested: AccountEvent = {
  type: 'EmailVerificationRequested',
  data: { ...token('t1'), email: 'ann@example.com' },
};
const verified: AccountEvent = { type: 'EmailVerified', data: { email: 'ann@example.com' } };
const session = { sessionId: 's1', tokenHash: 'sh1', expiresAt: at(30 * 24 * 60), idleTimeoutSeconds: 7 * 86400, origin: home };
const sessionStarted: AccountEvent = { type: 'SessionStarted', data: session };

describe('RegisterAccount', () => {
  const command = {
    type: 'RegisterAccount' as const,
    now: T0,
    accountId: 'a1',
    email: 'ann@example.com',
    username: 'ann',
    displayName: 'Ann',
    passwordHash: 'bcrypt',
    origin: home,
    verification: token('t1'),
  };

  it('registers and asks for email verification', () => {
    spec.given().when(command).then([registered, verificationRequested]);
  });

  it('refuses to register an account twice', () => {
    spec.given(registered).when(command).thenThrows('account_exists');
  });
});

describe('ConfirmEmail', () => {
  const confirm = (tokenHash: string, now = at(1)) => ({ type: 'ConfirmEmail' as const, now, tokenHash });

  it('verifies the email with the current token', () => {
    spec.given(registered, verificationRequested).when(confirm('hash-t1')).then([verified]);
  });

  it('refuses an unknown token', () => {
    spec.given(registered, verificationRequested).when(confirm('hash-other')).thenThrows('invalid_token');
  });

  it('refuses an expired token', () => {
    spec.given(registered, verificationRequested).when(confirm('hash-t1', at(24 * 60))).thenThrows('invalid_token');
  });

  it('refuses a used token', () => {
    spec.given(registered, verificationRequested, verified).when(confirm('hash-t1')).thenThrows('invalid_token');
  });

  it('refuses a token voided by a newer one', () => {
    const newer: AccountEvent = { type: 'EmailVerificationRequested', data: { ...token('t2'), email: 'ann@example.com' } };
    spec.given(registered, verificationRequested, newer).when(confirm('hash-t1')).thenThrows('invalid_token');
  });
});

describe('ResendEmailVerification', () => {
  const resend = (now: string, id = 't9') => ({
    type: 'ResendEmailVerification' as const,
    now,
    verification: token(id, at(48 * 60)),
    limits: { perMinute: 1, perDay: 5 },
  });
  const sentAt = (minutes: number, id: string): { event: AccountEvent; at: string } => ({
    event: { type: 'EmailVerificationRequested', data: { ...token(id), email: 'ann@example.com' } },
    at: at(minutes),
  });

  it('sends a new link to the registered address', () => {
    spec
      .given(registered, sentAt(0, 't1'))
      .when(resend(at(2)))
      .then([{ type: 'EmailVerificationRequested', data: { ...token('t9', at(48 * 60)), email: 'ann@example.com' } }]);
  });

  it('does nothing within a minute of the last link', () => {
    spec.given(registered, sentAt(0, 't1')).when(resend(at(0.5))).thenNothingHappened();
  });

  it('does nothing after five links in a day', () => {
    spec
      .given(registered, sentAt(0, 'a'), sentAt(10, 'b'), sentAt(20, 'c'), sentAt(30, 'd'), sentAt(40, 'e'))
      .when(resend(at(60)))
      .thenNothingHappened();
  });

  it('sends again once the day has passed', () => {
    spec
      .given(registered, sentAt(0, 'a'), sentAt(10, 'b'), sentAt(20, 'c'), sentAt(30, 'd'), sentAt(40, 'e'))
      .when(resend(at(24 * 60 + 1)))
      .then([{ type: 'EmailVerificationRequested', data: { ...token('t9', at(48 * 60)), email: 'ann@example.com' } }]);
  });

  it('does nothing once the email is verified', () => {
    spec.given(registered, verificationRequested, verified).when(resend(at(5))).thenNothingHappened();
  });

  it('does nothing for an unknown account', () => {
    spec.given().when(resend(at(5))).thenNothingHappened();
  });
});

describe('LogIn', () => {
  const logIn = (passwordMatches: boolean) => ({
    type: 'LogIn' as const,
    now: at(5),
    passwordMatches,
    session,
    lockPolicy: { threshold: 10, windowSeconds: 900 },
    ownershipVerification: token('own'),
  });

  it('starts a session after a correct password', () => {
    spec
      .given(registered, verificationRequested, verified)
      .when(logIn(true))
      .then([sessionStarted, { type: 'LoginSucceeded', data: { sessionId: 's1' } }]);
  });

  it('records a wrong password', () => {
    spec
      .given(registered, verificationRequested, verified)
      .when(logIn(false))
      .then([{ type: 'LoginFailed', data: { reason: 'wrong_password' } }]);
  });

  it('records a wrong password even before verification, revealing nothing', () => {
    spec
      .given(registered, verificationRequested)
      .when(logIn(false))
      .then([{ type: 'LoginFailed', data: { reason: 'wrong_password' } }]);
  });

  it('refuses an unverified email only after a correct password', () => {
    spec.given(registered, verificationRequested).when(logIn(true)).thenThrows('email_not_verified');
  });
});

describe('EndSession', () => {
  const end = (sessionId: string, now = at(10)) => ({ type: 'EndSession' as const, now, sessionId, reason: 'logout' as const });

  it('revokes a live session', () => {
    spec
      .given(registered, verified, sessionStarted)
      .when(end('s1'))
      .then([{ type: 'SessionRevoked', data: { sessionId: 's1', reason: 'logout' } }]);
  });

  it('refuses an unknown session', () => {
    spec.given(registered, verified, sessionStarted).when(end('s2')).thenThrows('session_not_found');
  });

  it('refuses a session already revoked', () => {
    const revoked: AccountEvent = { type: 'SessionRevoked', data: { sessionId: 's1', reason: 'logout' } };
    spec.given(registered, verified, sessionStarted, revoked).when(end('s1')).thenThrows('session_not_found');
  });

  it('treats a session idle for 7 days as ended', () => {
    spec.given(registered, verified, sessionStarted).when(end('s1', at(7 * 24 * 60 + 1))).thenThrows('session_not_found');
  });

  it('refuses on an unknown account', () => {
    spec.given().when(end('s1')).thenThrows('account_not_found');
  });
});
