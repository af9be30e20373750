import type { NewToken } from '../issued-token';
import type { SecondFactorCheck } from '../two-factor/two-factor.commands';
import { isOneOf, type TypeSet } from '../area-members';

export interface LockAccount {
  type: 'LockAccount';
  now: string;
  note: string;
}

export interface UnlockAccount {
  type: 'UnlockAccount';
  now: string;
  reason: string;
}

export interface RequestOwnershipVerification {
  type: 'RequestOwnershipVerification';
  now: string;
  verification: NewToken;
}

export interface CompleteOwnershipVerification {
  type: 'CompleteOwnershipVerification';
  now: string;
  tokenHash: string;
  secondFactor: SecondFactorCheck;
}

export type ProtectionCommand =
  | LockAccount
  | UnlockAccount
  | RequestOwnershipVerification
  | CompleteOwnershipVerification;

const PROTECTION_COMMANDS: TypeSet<ProtectionCommand> = {
  LockAccount: true,
  UnlockAccount: true,
  RequestOwnershipVerification: true,
  CompleteOwnershipVerification: true,
};

export const isProtectionCommand = isOneOf<ProtectionCommand>(PROTECTION_COMMANDS);
