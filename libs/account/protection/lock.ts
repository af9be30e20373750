import type { AccountEvent } from '../account.events';
import type { LockAccount, UnlockAccount } from './protection.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { endSessions } from '../sign-in/session-endings';

/** A lock by support: ends sessions; only support lifts it (ownership proof does not). */
export function lockAccount(state: AccountState, command: LockAccount): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  if (state.status !== 'active') throw AccountErrors.invalidState(state);
  return [
    { type: 'AccountLocked', data: { reason: 'manual', note: command.note, ownershipVerification: null } },
    ...endSessions(state, command.now, 'account_locked'),
  ];
}

export function unlockAccount(state: AccountState, command: UnlockAccount): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  if (state.status !== 'locked') throw AccountErrors.invalidState(state);
  return [{ type: 'AccountUnlocked', data: { reason: command.reason } }];
}
