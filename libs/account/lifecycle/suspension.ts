import type { AccountEvent } from '../account.events';
import type { DecideAppeal, ReinstateAccount, SubmitAppeal, SuspendAccount } from './lifecycle.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { endSessions } from '../sign-in/session-endings';

/** Terms violations: active or locked accounts may be suspended; sessions end. */
export function suspendAccount(state: AccountState, command: SuspendAccount): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  if (state.status !== 'active' && state.status !== 'locked') throw AccountErrors.invalidState(state);
  return [
    { type: 'AccountSuspended', data: { reason: command.reason, policyRef: command.policyRef } },
    ...endSessions(state, command.now, 'account_suspended'),
  ];
}

/**
 * A direct reinstatement also settles the appeal still open against the suspension (in the
 * owner's favour): left open, it would block every appeal against a later suspension and
 * could be "granted" against one it was never about.
 */
export function reinstateAccount(state: AccountState, command: ReinstateAccount): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  if (state.status !== 'suspended') throw AccountErrors.invalidState(state);
  const settled = Object.entries(state.appeals)
    .filter(([, outcome]) => outcome === 'open')
    .map(([appealId]): AccountEvent => ({
      type: 'AppealDecided',
      data: { appealId, decision: 'reinstate', note: 'settled by a direct reinstatement' },
    }));
  return [{ type: 'AccountReinstated', data: { reason: command.reason } }, ...settled];
}

/** Only while suspended, and one open appeal at a time. */
export function submitAppeal(state: AccountState, command: SubmitAppeal): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  if (state.status !== 'suspended') throw AccountErrors.invalidState(state);
  if (Object.values(state.appeals).includes('open')) throw AccountErrors.appealAlreadyOpen(state);
  return [{ type: 'AppealSubmitted', data: { appealId: command.appealId, message: command.message } }];
}

/** "reinstate" ends the suspension in the same append; "uphold" leaves it standing. */
export function decideAppeal(state: AccountState, command: DecideAppeal): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  // An appeal left open at deletion stays open in the state; nothing may be appended any more.
  if (state.status === 'deleted') throw AccountErrors.invalidState(state);
  if (state.appeals[command.appealId] !== 'open') throw AccountErrors.appealNotFound();
  const decided: AccountEvent = {
    type: 'AppealDecided',
    data: { appealId: command.appealId, decision: command.decision, note: command.note },
  };
  if (command.decision === 'uphold') return [decided];
  // Granting reinstates, so it needs a suspension to lift (not, say, a pending deletion).
  if (state.status !== 'suspended') throw AccountErrors.invalidState(state);
  return [decided, { type: 'AccountReinstated', data: { reason: `appeal ${command.appealId} granted` } }];
}
