import type { RegisterAccount } from './registration.commands';
import type { AccountEvent } from '../account.events';
import {
  active,
  at,
  DAY,
  EMAIL,
  happened,
  home,
  registered,
  spec,
  T0,
  token,
  verificationRequested,
  verified,
} from '../testing/fixtures';

const verificationSent = (id: string, expiresAt?: string): AccountEvent => ({
  type: 'EmailVerificationRequested',
  data: { ...token(id, expiresAt), email: EMAIL },
});

describe('RegisterAccount', () => {
  const command: RegisterAccount = {
    type: 'RegisterAccount',
    now: T0,
    accountId: 'a1',
    email: EMAIL,
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
    spec.given(registered, verificationRequested).when(confirm('hash-t1', at(DAY))).thenThrows('invalid_token');
  });

  it('refuses a used token', () => {
    spec.given(...active).when(confirm('hash-t1')).thenThrows('invalid_token');
  });

  it('refuses a token voided by a newer one', () => {
    spec.given(registered, verificationRequested, verificationSent('t2')).when(confirm('hash-t1')).thenThrows('invalid_token');
  });
});

describe('ResendEmailVerification', () => {
  const resend = (now: string) => ({
    type: 'ResendEmailVerification' as const,
    now,
    verification: token('t9', at(2 * DAY)),
    limits: { perMinute: 1, perDay: 5 },
  });
  const sentAt = (minutes: number, id: string) => happened(verificationSent(id), minutes);
  const fiveSent = [sentAt(0, 'a'), sentAt(10, 'b'), sentAt(20, 'c'), sentAt(30, 'd'), sentAt(40, 'e')];
  const resent = [verificationSent('t9', at(2 * DAY))];

  it('sends a new link to the registered address', () => {
    spec.given(registered, sentAt(0, 't1')).when(resend(at(2))).then(resent);
  });

  it('does nothing within a minute of the last link', () => {
    spec.given(registered, sentAt(0, 't1')).when(resend(at(0.5))).thenNothingHappened();
  });

  it('does nothing after five links in a day', () => {
    spec.given(registered, ...fiveSent).when(resend(at(60))).thenNothingHappened();
  });

  it('sends again once the day has passed', () => {
    spec.given(registered, ...fiveSent).when(resend(at(DAY + 1))).then(resent);
  });

  it('does nothing once the email is verified', () => {
    spec.given(...active).when(resend(at(5))).thenNothingHappened();
  });

  it('does nothing for an unknown account', () => {
    spec.given().when(resend(at(5))).thenNothingHappened();
  });
});
