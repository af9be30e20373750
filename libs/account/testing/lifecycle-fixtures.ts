import type { CancelDeletion, DecideAppeal, ExecuteDeletion, ReinstateAccount, ScheduleDeletion, SubmitAppeal, SuspendAccount } from '../lifecycle/lifecycle.commands';
import type { ChangeDisplayName, ChangeUsername, ConfirmEmailChange, RequestEmailChange } from '../profile/profile.commands';
import type { IssueCredential, RegenerateCredential, RevokeCredential, TouchCredential } from '../credentials/credentials.commands';
import type { RemindPasswordAge, RequestPasswordReset } from '../passwords/passwords.commands';
import type { AccountEvent } from '../account.events';
import type { CredentialRevoked } from '../credentials/credentials.events';
import type { AccountStatus } from '../account.state';
import type { Given } from '@warden/shared/testing/decider-spec';
import { active, at, DAY, EMAIL, lockedManually, registered, token, verificationRequested } from './fixtures';

/**
 * Shared givens and commands for the lifecycle specs (profile, credentials, suspension,
 * deletion, password age). Times are minutes after T0, as in `fixtures.ts`; an account's
 * history starts with `active` (Ann, username "ann", display name "Ann", ann@example.com).
 */

/* Profile. */

export const NEW_EMAIL = 'ann@new.example.com';

export const changeDisplayName = (displayName: string, now = at(10)): ChangeDisplayName => ({ type: 'ChangeDisplayName', now, displayName });
export const displayNameChanged = (displayName: string): AccountEvent => ({ type: 'DisplayNameChanged', data: { displayName } });

export const changeUsername = (username: string, now = at(10)): ChangeUsername => ({ type: 'ChangeUsername', now, username });
export const usernameChanged = (username: string, previous: string | null): AccountEvent => ({
  type: 'UsernameChanged',
  data: { username, previous },
});

/** An email change link minted at `minute`, valid 24 hours (its hash is `hash-<id>`). */
export const changeToken = (id: string, minute = 0) => token(id, at(minute + DAY));

export const requestEmailChange = (
  passwordMatches: boolean,
  overrides: Partial<RequestEmailChange> = {},
): RequestEmailChange => ({
  type: 'RequestEmailChange',
  now: at(0),
  passwordMatches,
  newEmail: NEW_EMAIL,
  change: changeToken('ec1'),
  ...overrides,
});
export const emailChangeRequested = (id: string, minute = 0, newEmail = NEW_EMAIL, currentEmail = EMAIL): AccountEvent => ({
  type: 'EmailChangeRequested',
  data: { ...changeToken(id, minute), newEmail, currentEmail },
});
export const confirmEmailChange = (tokenHash: string, now = at(10)): ConfirmEmailChange => ({ type: 'ConfirmEmailChange', now, tokenHash });
export const emailChanged = (email = NEW_EMAIL, previous = EMAIL): AccountEvent => ({ type: 'EmailChanged', data: { email, previous } });

/** A follow-up that reveals the state's email: the reset link is mailed to it. */
export const requestPasswordReset = (now = at(20)): RequestPasswordReset => ({ type: 'RequestPasswordReset', now, reset: token('pr1', at(80)) });
export const passwordResetRequestedTo = (email: string): AccountEvent => ({
  type: 'PasswordResetRequested',
  data: { ...token('pr1', at(80)), email },
});

/* Integration credentials. */

export const issueCredential = (credentialId: string, now = at(10)): IssueCredential => ({
  type: 'IssueCredential',
  now,
  credentialId,
  label: `ci ${credentialId}`,
  prefix: `wdn_${credentialId}`,
  secretHash: `sec-${credentialId}`,
});
export const credentialIssued = (credentialId: string): AccountEvent => ({
  type: 'CredentialIssued',
  data: { credentialId, label: `ci ${credentialId}`, prefix: `wdn_${credentialId}`, secretHash: `sec-${credentialId}` },
});
/** The `round`-th regeneration of a credential: a new prefix and secret hash. */
export const regenerateCredential = (credentialId: string, round = 2, now = at(20)): RegenerateCredential => ({
  type: 'RegenerateCredential',
  now,
  credentialId,
  prefix: `wdn_${credentialId}_${round}`,
  secretHash: `sec-${credentialId}-${round}`,
});
export const credentialRegenerated = (credentialId: string, round = 2): AccountEvent => ({
  type: 'CredentialRegenerated',
  data: { credentialId, prefix: `wdn_${credentialId}_${round}`, secretHash: `sec-${credentialId}-${round}` },
});
export const revokeCredential = (credentialId: string, now = at(20)): RevokeCredential => ({ type: 'RevokeCredential', now, credentialId });
export const credentialRevoked = (credentialId: string, reason: CredentialRevoked['data']['reason'] = 'owner'): AccountEvent => ({
  type: 'CredentialRevoked',
  data: { credentialId, reason },
});
/** Use is recorded at most every 5 minutes by default. */
export const touchCredential = (credentialId: string, now: string, minIntervalSeconds = 300): TouchCredential => ({
  type: 'TouchCredential',
  now,
  credentialId,
  minIntervalSeconds,
});
export const credentialUsed = (credentialId: string): AccountEvent => ({ type: 'CredentialUsed', data: { credentialId } });

/* Suspension and appeals. */

export const SUSPENSION = { reason: 'spam campaign', policyRef: 'AUP-4.2' };
export const suspend = (now = at(10)): SuspendAccount => ({ type: 'SuspendAccount', now, ...SUSPENSION });
export const suspended: AccountEvent = { type: 'AccountSuspended', data: { ...SUSPENSION } };
export const reinstate = (now = at(20)): ReinstateAccount => ({ type: 'ReinstateAccount', now, reason: 'suspension lifted on review' });
export const reinstatedBySupport: AccountEvent = { type: 'AccountReinstated', data: { reason: 'suspension lifted on review' } };

export const submitAppeal = (appealId: string, now = at(20)): SubmitAppeal => ({
  type: 'SubmitAppeal',
  now,
  appealId,
  message: `appeal ${appealId}: that was not spam`,
});
export const appealSubmitted = (appealId: string): AccountEvent => ({
  type: 'AppealSubmitted',
  data: { appealId, message: `appeal ${appealId}: that was not spam` },
});
export const decideAppeal = (appealId: string, decision: DecideAppeal['decision'], now = at(30)): DecideAppeal => ({
  type: 'DecideAppeal',
  now,
  appealId,
  decision,
  note: `${decision}: reviewed ${appealId}`,
});
export const appealDecided = (appealId: string, decision: DecideAppeal['decision']): AccountEvent => ({
  type: 'AppealDecided',
  data: { appealId, decision, note: `${decision}: reviewed ${appealId}` },
});
/** What a granted appeal appends besides its decision. */
export const reinstatedByAppeal = (appealId: string): AccountEvent => ({
  type: 'AccountReinstated',
  data: { reason: `appeal ${appealId} granted` },
});

/** What a direct reinstatement appends for an appeal still open: settled in the owner's favour. */
export const settledByReinstatement = (appealId: string): AccountEvent => ({
  type: 'AppealDecided',
  data: { appealId, decision: 'reinstate', note: 'settled by a direct reinstatement' },
});

/* Deletion. */

export const DELETION = { reason: 'owner asked by mail', ticketRef: 'SUP-1234' };
export const scheduleDeletion = (graceDays = 7, now = at(10)): ScheduleDeletion => ({ type: 'ScheduleDeletion', now, ...DELETION, graceDays });
/** Scheduled at minute `minute` with `graceDays` of grace, from `previousStatus`. */
export const deletionScheduled = (previousStatus: AccountStatus = 'active', graceDays = 7, minute = 10): AccountEvent => ({
  type: 'AccountDeletionScheduled',
  data: { ...DELETION, graceDays, executeAt: at(minute + graceDays * DAY), previousStatus },
});
export const cancelDeletion = (now = at(20)): CancelDeletion => ({ type: 'CancelDeletion', now });
export const deletionCancelled = (restoredStatus: AccountStatus = 'active'): AccountEvent => ({
  type: 'AccountDeletionCancelled',
  data: { restoredStatus },
});
export const executeDeletion = (now: string): ExecuteDeletion => ({ type: 'ExecuteDeletion', now });
export const accountDeleted = (email = EMAIL, username: string | null = 'ann'): AccountEvent => ({
  type: 'AccountDeleted',
  data: { email, username },
});

/* Password age. */

export const remindPasswordAge = (now: string, maxAgeDays = 180): RemindPasswordAge => ({ type: 'RemindPasswordAge', now, maxAgeDays });
export const passwordAgeReminded = (passwordChangedAt: string, ageDays: number): AccountEvent => ({
  type: 'PasswordAgeReminded',
  data: { passwordChangedAt, ageDays },
});
export const passwordChanged = (passwordHash = 'bcrypt-2'): AccountEvent => ({ type: 'PasswordChanged', data: { passwordHash } });

/* An account in each status, by the shortest history that leads there. */

export const inStatus: Record<AccountStatus, Given<AccountEvent>[]> = {
  pending_verification: [registered, verificationRequested],
  active,
  locked: [...active, lockedManually],
  suspended: [...active, suspended],
  deletion_scheduled: [...active, deletionScheduled()],
  deleted: [...active, deletionScheduled('active', 0), accountDeleted()],
};
