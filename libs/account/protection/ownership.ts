import type { AccountEvent } from '../account.events';
import type { CompleteOwnershipVerification, RequestOwnershipVerification } from './protection.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { requireSecondFactor } from '../two-factor/second-factor';
import { assertTokenValid } from '../issued-token';

/** Proof of ownership lifts a lock for unusual activity, never one set by support. */
export function unlockByOwnership(state: AccountState, method: 'ownership_link' | 'password_reset'): AccountEvent[] {
  if (state.lock?.reason !== 'unusual_activity') return [];
  return [
    { type: 'OwnershipVerified', data: { method } },
    { type: 'AccountUnlocked', data: { reason: `ownership verified (${method.replace('_', ' ')})` } },
  ];
}

export function requestOwnershipVerification(state: AccountState, command: RequestOwnershipVerification): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  if (state.status !== 'active' && state.status !== 'locked') throw AccountErrors.invalidState(state);
  return [{ type: 'OwnershipVerificationRequested', data: { ...command.verification, email: state.email } }];
}

export function completeOwnershipVerification(state: AccountState, command: CompleteOwnershipVerification): AccountEvent[] {
  if (!state.exists) throw AccountErrors.invalidToken();
  assertTokenValid(state.ownershipVerification, command.tokenHash, command.now);
  const proof = requireSecondFactor(state, command.secondFactor, 'ownership');
  const unlocked = unlockByOwnership(state, 'ownership_link');
  return [...proof, ...(unlocked.length > 0 ? unlocked : [{ type: 'OwnershipVerified', data: { method: 'ownership_link' } } as const])];
}
