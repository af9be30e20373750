import type { AccountEvent } from '../account.events';
import type { CompleteAccountRecovery, DecideRecoveryCase, OpenRecoveryCase, RequestAccountRecovery } from './recovery.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { sameDigest } from '../secret-compare';
import { unlockByOwnership } from '../protection/ownership';
import { endSessions } from '../sign-in/session-endings';
import { assertTokenValid } from '../issued-token';

const RECOVERABLE = new Set(['active', 'locked']);

/** Lost second factor: a link by mail. Silently nothing where there is no 2FA to lose. */
export function requestAccountRecovery(state: AccountState, command: RequestAccountRecovery): AccountEvent[] {
  if (!state.exists || !state.totpEnabled || !state.status || !RECOVERABLE.has(state.status)) return [];
  return [{ type: 'AccountRecoveryRequested', data: { ...command.recovery, email: state.email } }];
}

function assertRecoveryToken(state: AccountState, tokenHash: string, now: string): void {
  if (!state.exists) throw AccountErrors.invalidToken();
  assertTokenValid(state.accountRecovery, tokenHash, now);
  if (!state.totpEnabled || !state.status || !RECOVERABLE.has(state.status)) throw AccountErrors.invalidState(state);
}

/** With a recovery code: a new password, 2FA off, every session ended (and a lock lifted). */
export function completeAccountRecovery(state: AccountState, command: CompleteAccountRecovery): AccountEvent[] {
  assertRecoveryToken(state, command.tokenHash, command.now);
  let match: string | undefined;
  for (const hash of state.recoveryCodes) if (sameDigest(hash, command.recoveryCodeHash)) match = hash;
  if (!match) throw AccountErrors.invalidCode();
  return [
    { type: 'RecoveryCodeUsed', data: { codeHash: match } },
    { type: 'PasswordResetCompleted', data: { passwordHash: command.passwordHash } },
    { type: 'TotpDisabled', data: { reason: 'account_recovery' } },
    ...endSessions(state, command.now, 'password_reset'),
    ...unlockByOwnership(state, 'password_reset'),
  ];
}

/** Without a recovery code: the owner's statement goes to support as a case. */
export function openRecoveryCase(state: AccountState, command: OpenRecoveryCase): AccountEvent[] {
  assertRecoveryToken(state, command.tokenHash, command.now);
  return [{ type: 'RecoveryCaseOpened', data: { caseId: command.caseId, statement: command.statement } }];
}

/** Approval turns 2FA off and mails a password reset link; rejection changes nothing else. */
export function decideRecoveryCase(state: AccountState, command: DecideRecoveryCase): AccountEvent[] {
  if (state.recoveryCases[command.caseId] !== 'open') throw AccountErrors.recoveryCaseNotFound();
  const decided: AccountEvent = { type: 'RecoveryCaseDecided', data: { caseId: command.caseId, decision: command.decision, note: command.note } };
  if (command.decision === 'reject') return [decided];
  return [
    decided,
    ...(state.totpEnabled ? [{ type: 'TotpDisabled', data: { reason: 'recovery_case_approved' } } as const] : []),
    { type: 'PasswordResetRequested', data: { ...command.reset, email: state.email } },
  ];
}
