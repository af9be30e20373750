import { randomUUID } from 'node:crypto';
import type { AccountEvent } from '@warden/account/account.events';
import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import { at, givenEventsForSuite, registered } from '../testing/given-events';
import { ACCOUNTS, type AccountDoc } from './account-view';

/** The accounts read model (contract §3.2's support view): given events, then the document, one rule per field. */
describe('accounts projector', () => {
  const given = givenEventsForSuite();

  /** A new account with this history after its registration (one command per entry), projected. */
  async function accountAfter(...commands: AccountEvent[][]): Promise<AccountDoc> {
    const accountId = await given.registeredWith(commands);
    const doc = await given.collection<AccountDoc>(ACCOUNTS).get(accountId);
    expect(doc).not.toBeNull();
    return doc!;
  }
  const verified: AccountEvent[] = [{ type: 'EmailVerified', data: { email: 'Ann.Lee@Example.COM' } }];
  const failed: AccountEvent[] = [{ type: 'LoginFailed', data: { reason: 'wrong_password' } }];

  it('registration writes every field: normalized lookups, pending, nothing on, created and password-set at the event time', async () => {
    const doc = await accountAfter();
    expect(doc).toEqual({
      id: doc.accountId,
      _position: expect.any(String),
      accountId: doc.accountId,
      email: 'Ann.Lee@Example.COM',
      emailNormalized: 'ann.lee@example.com',
      username: 'Ann_Lee',
      usernameNormalized: 'ann_lee',
      displayName: 'Ann Lee',
      status: 'pending_verification',
      emailVerified: false,
      totpEnabled: false,
      passwordDisabled: false,
      lock: null,
      suspension: null,
      createdAt: at(0),
      lastLoginAt: null,
      failedLoginCount: 0,
      passwordChangedAt: at(0),
      deletionScheduledFor: null,
    });
  });

  it('usernameNormalized is null when there is no username', async () => {
    const accountId = randomUUID();
    await given.history(accountId, [[registered(accountId, { username: null })]]);
    expect(await given.collection<AccountDoc>(ACCOUNTS).get(accountId)).toMatchObject({ username: null, usernameNormalized: null });
  });

  it('emailVerified and status: verifying the email makes a pending account active', async () => {
    expect(await accountAfter(verified)).toMatchObject({ emailVerified: true, status: 'active' });
  });

  it('failedLoginCount counts wrong passwords', async () => {
    expect((await accountAfter(verified, failed, failed, failed)).failedLoginCount).toBe(3);
  });

  it('failedLoginCount goes back to 0 on a successful login, which sets lastLoginAt', async () => {
    const doc = await accountAfter(verified, failed, failed, [{ type: 'LoginSucceeded', data: { sessionId: 's1' } }]);
    expect(doc).toMatchObject({ failedLoginCount: 0, lastLoginAt: at(4) });
  });

  it('passwordChangedAt follows a password change', async () => {
    expect((await accountAfter(verified, [{ type: 'PasswordChanged', data: { passwordHash: 'h2' } }])).passwordChangedAt).toBe(at(2));
  });

  it('passwordDisabled is set by support, and a completed reset clears it, the failed count and moves passwordChangedAt', async () => {
    const disabled = await accountAfter(verified, failed, [{ type: 'PasswordDisabled', data: { reason: 'suspected compromise' } }]);
    expect(disabled).toMatchObject({ passwordDisabled: true, failedLoginCount: 1, passwordChangedAt: at(0) });

    const reset = await accountAfter(
      verified,
      failed,
      [{ type: 'PasswordDisabled', data: { reason: 'suspected compromise' } }],
      [{ type: 'PasswordResetCompleted', data: { passwordHash: 'h2' } }],
    );
    expect(reset).toMatchObject({ passwordDisabled: false, failedLoginCount: 0, passwordChangedAt: at(4) });
  });

  it('lock and status: a lock records its reason and time; an unlock clears it and the failed count', async () => {
    const lock: AccountEvent = { type: 'AccountLocked', data: { reason: 'manual', note: 'call from the owner', ownershipVerification: null } };
    expect(await accountAfter(verified, failed, [lock])).toMatchObject({ status: 'locked', lock: { reason: 'manual', since: at(3) }, failedLoginCount: 1 });

    const unlocked = await accountAfter(verified, failed, [lock], [{ type: 'AccountUnlocked', data: { reason: 'verified by phone' } }]);
    expect(unlocked).toMatchObject({ status: 'active', lock: null, failedLoginCount: 0 });
  });

  it('totpEnabled follows enabling and disabling two-factor', async () => {
    const on: AccountEvent[] = [{ type: 'TotpEnabled', data: { step: 1 } }];
    expect((await accountAfter(verified, on)).totpEnabled).toBe(true);
    expect((await accountAfter(verified, on, [{ type: 'TotpDisabled', data: { reason: 'owner' } }])).totpEnabled).toBe(false);
  });

  it('displayName, username and email follow their changes, with the lookups normalized again', async () => {
    const doc = await accountAfter(
      verified,
      [{ type: 'DisplayNameChanged', data: { displayName: 'Ann B. Lee' } }],
      [{ type: 'UsernameChanged', data: { username: 'AnnB', previous: 'Ann_Lee' } }],
      [{ type: 'EmailChanged', data: { email: 'Ann@New.Example', previous: 'Ann.Lee@Example.COM' } }],
    );
    expect(doc).toMatchObject({
      displayName: 'Ann B. Lee',
      username: 'AnnB',
      usernameNormalized: 'annb',
      email: 'Ann@New.Example',
      emailNormalized: 'ann@new.example',
    });
  });

  it('suspension and status: a suspension is recorded; reinstatement returns to active, or to locked when a lock is still on', async () => {
    const suspend: AccountEvent[] = [{ type: 'AccountSuspended', data: { reason: 'spam', policyRef: 'P-7' } }];
    const reinstate: AccountEvent[] = [{ type: 'AccountReinstated', data: { reason: 'appeal upheld' } }];
    expect(await accountAfter(verified, suspend)).toMatchObject({ status: 'suspended', suspension: { reason: 'spam', policyRef: 'P-7', since: at(2) } });
    expect(await accountAfter(verified, suspend, reinstate)).toMatchObject({ status: 'active', suspension: null });

    const lock: AccountEvent[] = [{ type: 'AccountLocked', data: { reason: 'manual', note: null, ownershipVerification: null } }];
    expect(await accountAfter(verified, lock, suspend, reinstate)).toMatchObject({ status: 'locked', suspension: null });
  });

  it('deletionScheduledFor and status: scheduling sets them; cancelling restores the status it names', async () => {
    const schedule: AccountEvent[] = [
      {
        type: 'AccountDeletionScheduled',
        data: { reason: 'owner asked', ticketRef: 'T-1', graceDays: 30, executeAt: '2026-02-01T00:00:00.000Z', previousStatus: 'active' },
      },
    ];
    expect(await accountAfter(verified, schedule)).toMatchObject({ status: 'deletion_scheduled', deletionScheduledFor: '2026-02-01T00:00:00.000Z' });

    const cancelled = await accountAfter(verified, schedule, [{ type: 'AccountDeletionCancelled', data: { restoredStatus: 'active' } }]);
    expect(cancelled).toMatchObject({ status: 'active', deletionScheduledFor: null });
  });

  it('deletion erases every personal field and releases the lookups; what is not personal stays', async () => {
    const doc = await accountAfter(
      verified,
      [{ type: 'AccountSuspended', data: { reason: 'spam', policyRef: 'P-7' } }],
      [{ type: 'AccountDeleted', data: { email: 'Ann.Lee@Example.COM', username: 'Ann_Lee' } }],
    );
    expect(doc).toMatchObject({
      status: 'deleted',
      email: ERASED,
      emailNormalized: null,
      username: ERASED,
      usernameNormalized: null,
      displayName: ERASED,
      suspension: { reason: ERASED, policyRef: 'P-7', since: at(2) },
      deletionScheduledFor: null,
      createdAt: at(0),
      emailVerified: true,
    });
  });

  it('writes nothing for the events of an account it never saw registered', async () => {
    const accountId = randomUUID();
    await given.history(accountId, [verified, failed]);
    expect(await given.collection<AccountDoc>(ACCOUNTS).get(accountId)).toBeNull();
  });
});
