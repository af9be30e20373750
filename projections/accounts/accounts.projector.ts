import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { normalizeEmail, normalizeUsername } from '@warden/account/normalize';
import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import { applyOnce, type DocFields } from '../apply-once';
import type { Projection } from '../projection';
import { ACCOUNTS, type AccountDoc } from './account-view';

type Fields = DocFields<AccountDoc>;

/** Each event's effect on the view; events not listed leave it as it is. */
function apply(view: Fields | null, e: DecodedAccountEvent): Fields | null {
  const event = e.event;
  if (event.type === 'AccountRegistered') {
    return {
      accountId: event.data.accountId,
      email: event.data.email,
      emailNormalized: normalizeEmail(event.data.email),
      username: event.data.username,
      usernameNormalized: event.data.username ? normalizeUsername(event.data.username) : null,
      displayName: event.data.displayName,
      status: 'pending_verification',
      emailVerified: false,
      totpEnabled: false,
      passwordDisabled: false,
      lock: null,
      suspension: null,
      createdAt: e.occurredAt,
      lastLoginAt: null,
      failedLoginCount: 0,
      passwordChangedAt: e.occurredAt,
      deletionScheduledFor: null,
    };
  }
  if (!view) return null;
  switch (event.type) {
    case 'EmailVerified':
      return { ...view, emailVerified: true, status: view.status === 'pending_verification' ? 'active' : view.status };
    case 'LoginFailed':
      return { ...view, failedLoginCount: view.failedLoginCount + 1 };
    case 'LoginSucceeded':
      return { ...view, lastLoginAt: e.occurredAt, failedLoginCount: 0 };
    case 'PasswordResetCompleted':
      return { ...view, passwordChangedAt: e.occurredAt, passwordDisabled: false, failedLoginCount: 0 };
    case 'PasswordChanged':
      return { ...view, passwordChangedAt: e.occurredAt };
    case 'PasswordDisabled':
      return { ...view, passwordDisabled: true };
    case 'AccountLocked':
      return { ...view, status: 'locked', lock: { reason: event.data.reason, since: e.occurredAt } };
    case 'AccountUnlocked':
      return { ...view, status: 'active', lock: null, failedLoginCount: 0 };
    case 'TotpEnabled':
      return { ...view, totpEnabled: true };
    case 'TotpDisabled':
      return { ...view, totpEnabled: false };
    case 'DisplayNameChanged':
      return { ...view, displayName: event.data.displayName };
    case 'UsernameChanged':
      return { ...view, username: event.data.username, usernameNormalized: normalizeUsername(event.data.username) };
    case 'EmailChanged':
      return { ...view, email: event.data.email, emailNormalized: normalizeEmail(event.data.email) };
    case 'AccountSuspended':
      return { ...view, status: 'suspended', suspension: { reason: event.data.reason, policyRef: event.data.policyRef, since: e.occurredAt } };
    case 'AccountReinstated':
      return { ...view, status: view.lock ? 'locked' : 'active', suspension: null };
    case 'AccountDeletionScheduled':
      return { ...view, status: 'deletion_scheduled', deletionScheduledFor: event.data.executeAt };
    case 'AccountDeletionCancelled':
      return { ...view, status: event.data.restoredStatus, deletionScheduledFor: null };
    case 'AccountDeleted':
      // The same values a rebuild reads once the data key is destroyed.
      return {
        ...view,
        status: 'deleted',
        email: ERASED,
        emailNormalized: null,
        username: view.username === null ? null : ERASED,
        usernameNormalized: null,
        displayName: ERASED,
        suspension: view.suspension && { ...view.suspension, reason: ERASED },
        deletionScheduledFor: null,
      };
    default:
      return null;
  }
}

const HANDLED = new Set([
  'AccountRegistered',
  'EmailVerified',
  'LoginFailed',
  'LoginSucceeded',
  'PasswordResetCompleted',
  'PasswordChanged',
  'PasswordDisabled',
  'AccountLocked',
  'AccountUnlocked',
  'TotpEnabled',
  'TotpDisabled',
  'DisplayNameChanged',
  'UsernameChanged',
  'EmailChanged',
  'AccountSuspended',
  'AccountReinstated',
  'AccountDeletionScheduled',
  'AccountDeletionCancelled',
  'AccountDeleted',
]);

export const accountsProjection: Projection<DecodedAccountEvent> = {
  name: 'accounts',
  version: 2,
  collections: [ACCOUNTS],
  canHandle: (type) => HANDLED.has(type),
  async init(store: ReadStore) {
    const accounts = store.collection<AccountDoc>(ACCOUNTS);
    await accounts.ensureIndex('emailNormalized');
    await accounts.ensureIndex('usernameNormalized');
  },
  async handle(events, store) {
    const accounts = store.collection<AccountDoc>(ACCOUNTS);
    for (const e of events) {
      await applyOnce(accounts, e.accountId, e.position, (current) => apply(current, e));
      if (e.event.type === 'AccountDeleted') await store.purgeOverwritten();
    }
  },
  async truncate(store) {
    await store.collection(ACCOUNTS).truncate();
  },
};
