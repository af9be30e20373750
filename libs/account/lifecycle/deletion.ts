import type { AccountEvent } from '../account.events';
import type { CancelDeletion, ExecuteDeletion, ScheduleDeletion } from './lifecycle.commands';
import { AccountErrors } from '../account.errors';
import { liveSessions } from '../sign-in/sign-in.state';
import type { AccountState } from '../account.state';

const DAY_MS = 86_400_000;

/** Any status may be scheduled for deletion; the grace period may be zero. */
export function scheduleDeletion(state: AccountState, command: ScheduleDeletion): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  if (!state.status || state.status === 'deleted' || state.status === 'deletion_scheduled') throw AccountErrors.invalidState(state);
  const executeAt = new Date(Date.parse(command.now) + command.graceDays * DAY_MS).toISOString();
  const { reason, ticketRef, graceDays } = command;
  return [{ type: 'AccountDeletionScheduled', data: { reason, ticketRef, graceDays, executeAt, previousStatus: state.status } }];
}

/** Within the grace period only; the account returns to the status it had. */
export function cancelDeletion(state: AccountState, command: CancelDeletion): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  if (state.status !== 'deletion_scheduled' || !state.deletion) throw AccountErrors.invalidState(state);
  if (Date.parse(command.now) >= Date.parse(state.deletion.executeAt)) throw AccountErrors.invalidState(state, 'The grace period is over.');
  return [{ type: 'AccountDeletionCancelled', data: { restoredStatus: state.deletion.previousStatus } }];
}

/**
 * Once the grace period is over: sessions and credentials end and the account is deleted
 * (its email and username, recorded here, are released next). Nothing when cancelled or
 * not yet due, so the scheduled job can run early, late or twice.
 */
export function executeDeletion(state: AccountState, command: ExecuteDeletion): AccountEvent[] {
  if (state.status !== 'deletion_scheduled' || !state.deletion) return [];
  if (Date.parse(command.now) < Date.parse(state.deletion.executeAt)) return [];
  return [
    ...liveSessions(state, new Date(command.now)).map(
      (s): AccountEvent => ({ type: 'SessionRevoked', data: { sessionId: s.sessionId, reason: 'account_deleted' } }),
    ),
    ...Object.keys(state.credentials).map(
      (credentialId): AccountEvent => ({ type: 'CredentialRevoked', data: { credentialId, reason: 'account_deleted' } }),
    ),
    { type: 'AccountDeleted', data: { email: state.email, username: state.username } },
  ];
}
