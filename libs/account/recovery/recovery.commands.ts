import type { NewToken } from '../issued-token';
import { isOneOf, type TypeSet } from '../area-members';

export interface RequestAccountRecovery {
  type: 'RequestAccountRecovery';
  now: string;
  recovery: NewToken;
}

export interface CompleteAccountRecovery {
  type: 'CompleteAccountRecovery';
  now: string;
  tokenHash: string;
  passwordHash: string;
  recoveryCodeHash: string;
}

export interface OpenRecoveryCase {
  type: 'OpenRecoveryCase';
  now: string;
  tokenHash: string;
  caseId: string;
  statement: string;
}

export interface DecideRecoveryCase {
  type: 'DecideRecoveryCase';
  now: string;
  caseId: string;
  decision: 'approve' | 'reject';
  note: string;
  /** On approval: the password reset link mailed to the owner. */
  reset: NewToken;
}

export type RecoveryCommand =
  | RequestAccountRecovery
  | CompleteAccountRecovery
  | OpenRecoveryCase
  | DecideRecoveryCase;

const RECOVERY_COMMANDS: TypeSet<RecoveryCommand> = {
  RequestAccountRecovery: true,
  CompleteAccountRecovery: true,
  OpenRecoveryCase: true,
  DecideRecoveryCase: true,
};

export const isRecoveryCommand = isOneOf<RecoveryCommand>(RECOVERY_COMMANDS);
